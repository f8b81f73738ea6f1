package rpc_test

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/rpc"
	"tickup.dev/pkg/testenv"
)

// logBuf collects log output for assertions.
type logBuf struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logBuf) logger() *slog.Logger { return slog.New(slog.NewTextHandler(l, nil)) }

func connect(t *testing.T, url string) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(url, nats.Name(t.Name()))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(nc.Close)
	return nc
}

func newService(t *testing.T, nc *nats.Conn) *rpc.Service {
	t.Helper()
	svc, err := rpc.NewService(nc, "tickup-test", "1.0.0", "Tickup rpc test service")
	if err != nil {
		t.Fatalf("new service: %v", err)
	}
	t.Cleanup(func() { _ = svc.Stop() })
	return svc
}

// env is one embedded NATS with a service instance and a client connection.
type env struct {
	client  *nats.Conn
	svcConn *nats.Conn
	svc     *rpc.Service
}

// newEnv starts an embedded NATS and one service instance.
func newEnv(t *testing.T) *env {
	t.Helper()
	url := testenv.NATSURL(t)
	e := &env{client: connect(t, url), svcConn: connect(t, url)}
	e.svc = newService(t, e.svcConn)
	return e
}

// handle registers fn on subject and flushes, so the subscription is live on the server
// before the test calls it.
func handle[Req, Resp any](t *testing.T, e *env, name, subject string,
	fn func(context.Context, Req) (Resp, error), opts ...rpc.Option) {
	t.Helper()
	if err := rpc.Handle(e.svc, nil, name, subject, fn, opts...); err != nil {
		t.Fatalf("handle %s: %v", name, err)
	}
	if err := e.svcConn.Flush(); err != nil {
		t.Fatalf("flush: %v", err)
	}
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

package bus_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
)

const waitLimit = 15 * time.Second

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

// setup starts an embedded server, connects and creates the Tickup streams.
func setup(t *testing.T) (*bus.Conn, *logBuf) {
	t.Helper()
	logs := &logBuf{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, err := bus.Connect(context.Background(), testenv.NATSURL(t), t.Name(), log)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(c.Close)
	if err := c.EnsureStreams(context.Background(), events.Streams()...); err != nil {
		t.Fatalf("ensure streams: %v", err)
	}
	return c, logs
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// consume runs Consume in the background; the returned stop (also run at cleanup)
// cancels it and checks that it returned nil.
func consume(t *testing.T, c *bus.Conn, spec bus.ConsumerSpec, h bus.BatchHandler) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Consume(ctx, spec, h) }()
	stop := sync.OnceFunc(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Consume returned %v", err)
			}
		case <-time.After(waitLimit):
			t.Errorf("Consume did not return after cancel")
		}
	})
	t.Cleanup(stop)
	return stop
}

// publishN publishes n purchase events with ids prefix-0 … prefix-(n-1).
func publishN(t *testing.T, c *bus.Conn, prefix string, n int) []string {
	t.Helper()
	ids := make([]string, n)
	for i := range n {
		ids[i] = fmt.Sprintf("%s-%d", prefix, i)
		publish(t, c, ids[i])
	}
	return ids
}

func publish(t *testing.T, c *bus.Conn, id string) {
	t.Helper()
	m := bus.Message{ID: id, Subject: events.TypePurchaseCreated.Subject(""),
		Type: events.TypePurchaseCreated.String(), Data: []byte(`{"id":"` + id + `"}`)}
	if err := c.Publish(context.Background(), m); err != nil {
		t.Fatalf("publish %s: %v", id, err)
	}
}

func apiSpec(durable string) bus.ConsumerSpec {
	return bus.ConsumerSpec{Stream: events.StreamAPI, Durable: durable,
		FilterSubjects: events.Filters(events.TypePurchaseCreated), NakBase: 10 * time.Millisecond}
}

func streamMsgs(t *testing.T, c *bus.Conn, stream string) uint64 {
	t.Helper()
	s, err := c.JS.Stream(context.Background(), stream)
	if err != nil {
		t.Fatalf("stream %s: %v", stream, err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatalf("stream info %s: %v", stream, err)
	}
	return info.State.Msgs
}

func consumerInfo(t *testing.T, c *bus.Conn, stream, durable string) *jetstream.ConsumerInfo {
	t.Helper()
	cons, err := c.JS.Consumer(context.Background(), stream, durable)
	if err != nil {
		t.Fatalf("consumer %s: %v", durable, err)
	}
	info, err := cons.Info(context.Background())
	if err != nil {
		t.Fatalf("consumer info %s: %v", durable, err)
	}
	return info
}

// settled reports whether the consumer delivered exactly `delivered` times and has
// nothing pending or unacknowledged.
func settled(t *testing.T, c *bus.Conn, stream, durable string, delivered uint64) func() bool {
	return func() bool {
		info := consumerInfo(t, c, stream, durable)
		return info.Delivered.Consumer == delivered && info.NumAckPending == 0 &&
			info.NumPending == 0 && info.NumRedelivered == 0
	}
}

// recorder remembers every handler call, safely across goroutines.
type recorder struct {
	mu    sync.Mutex
	calls [][]bus.Delivery
}

func (r *recorder) add(batch []bus.Delivery) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, append([]bus.Delivery(nil), batch...))
}

func (r *recorder) snapshot() [][]bus.Delivery {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([][]bus.Delivery(nil), r.calls...)
}

// seen counts how often each id was handed to the handler.
func (r *recorder) seen() map[string]int {
	out := map[string]int{}
	for _, call := range r.snapshot() {
		for _, d := range call {
			out[d.ID]++
		}
	}
	return out
}

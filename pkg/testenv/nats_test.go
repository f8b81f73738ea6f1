package testenv_test

import (
	"context"
	"testing"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/natsserver"
	"tickup.dev/pkg/testenv"
)

func jetStream(t *testing.T, url string) jetstream.JetStream {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatalf("jetstream: %v", err)
	}
	return js
}

func TestNATSServesJetStream(t *testing.T) {
	t.Parallel()
	s := testenv.NATS(t)
	if !s.JetStreamEnabled() {
		t.Fatal("JetStream is not enabled")
	}
	if _, err := jetStream(t, s.ClientURL()).AccountInfo(context.Background()); err != nil {
		t.Fatalf("account info: %v", err)
	}
}

func TestEmbeddedNATSKeepsStreamsAcrossRestarts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	start := func() *server.Server {
		s, err := natsserver.Start(dir, -1)
		if err != nil {
			t.Fatalf("start: %v", err)
		}
		t.Cleanup(func() { s.Shutdown(); s.WaitForShutdown() })
		return s
	}
	ctx := context.Background()
	first := start()
	js := jetStream(t, first.ClientURL())
	cfg := jetstream.StreamConfig{Name: "RESTART", Subjects: []string{"tickup.restart.>"}, Storage: jetstream.FileStorage}
	if _, err := js.CreateStream(ctx, cfg); err != nil {
		t.Fatalf("create stream: %v", err)
	}
	if _, err := js.Publish(ctx, "tickup.restart.one", []byte("kept")); err != nil {
		t.Fatalf("publish: %v", err)
	}
	first.Shutdown()
	first.WaitForShutdown()

	second := start()
	st, err := jetStream(t, second.ClientURL()).Stream(ctx, "RESTART")
	if err != nil {
		t.Fatalf("stream after restart: %v", err)
	}
	if msgs := st.CachedInfo().State.Msgs; msgs != 1 {
		t.Fatalf("stream holds %d messages after restart, want 1", msgs)
	}
}

func TestNATSURLIsAClientURL(t *testing.T) {
	t.Parallel()
	if _, err := jetStream(t, testenv.NATSURL(t)).AccountInfo(context.Background()); err != nil {
		t.Fatalf("account info: %v", err)
	}
}

func TestEmbeddedNATSNeedsAStoreDir(t *testing.T) {
	t.Parallel()
	if _, err := natsserver.Start("", -1); err == nil {
		t.Fatal("started without a store dir")
	}
}

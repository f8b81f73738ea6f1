package api

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// TestStreamsHaveMaxAgeAndMaxBytes: a service start-up bounds every stream by the
// configured age and size, the DLQ by its own, and a full stream refuses new messages
// instead of dropping unconsumed ones.
func TestStreamsHaveMaxAgeAndMaxBytes(t *testing.T) {
	t.Parallel()
	g := startGateway(t, func(s *setup) {
		s.env = append(s.env, "TICKUP_STREAM_MAX_AGE=48h", "TICKUP_STREAM_MAX_BYTES=67108864",
			"TICKUP_DLQ_MAX_AGE=240h", "TICKUP_DLQ_MAX_BYTES=16777216")
	})
	conn, err := bus.Connect(context.Background(), g.nats, "streams-test", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	for _, s := range events.Streams() {
		st, err := conn.JS.Stream(context.Background(), s.Name)
		if err != nil {
			t.Fatalf("stream %s: %v", s.Name, err)
		}
		cfg := st.CachedInfo().Config
		age, size := 48*time.Hour, int64(64<<20)
		if s.Name == events.StreamDLQ {
			age, size = 240*time.Hour, 16<<20
		}
		if cfg.MaxAge != age || cfg.MaxBytes != size || cfg.Discard != jetstream.DiscardNew {
			t.Errorf("stream %s: max age %s, max bytes %d, discard %s; want %s, %d, new",
				s.Name, cfg.MaxAge, cfg.MaxBytes, cfg.Discard, age, size)
		}
	}
}

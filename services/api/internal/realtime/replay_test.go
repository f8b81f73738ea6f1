package realtime

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
)

// TestReplaySkipsEventsOlderThanTheAgeBound replays one stream twice on a real NATS: from
// the beginning of time every event comes back; from now on, none of those stored before.
func TestReplaySkipsEventsOlderThanTheAgeBound(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	conn, err := bus.Connect(ctx, testenv.NATSURL(t), "replay-test", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	if err := conn.EnsureStreams(ctx, events.Streams()...); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		data, err := events.Encode(events.EntryPosted{SchemaVersion: 1, EntryID: uuid.NewString(), UserID: ann, AmountCents: 1})
		if err != nil {
			t.Fatal(err)
		}
		msg := bus.Message{ID: uuid.NewString(), Subject: events.TypeEntryPosted.Subject(""), Type: string(events.TypeEntryPosted), Data: data}
		if err := conn.Publish(ctx, msg); err != nil {
			t.Fatal(err)
		}
	}
	stored := time.Now() // after every PubAck: each event was stored before it
	hub := NewHub(conn.JS, slog.New(slog.DiscardHandler))
	for _, tc := range []struct {
		since time.Time
		want  int
	}{{time.Time{}, 3}, {stored, 0}} {
		got := 0
		r := ReplayRange{Stream: events.StreamWallet, Filters: []string{events.TypeEntryPosted.Filter()}, From: 0, To: 3, Since: tc.since}
		if err := hub.Replay(ctx, r, func(Event) error { got++; return nil }); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("replay since %v gave %d events, want %d", tc.since, got, tc.want)
		}
	}
}

package main

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/contract/events"
)

// eventually polls cond until it holds, failing the test after a deadline.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitSettled waits until each durable has been handed everything in the API stream and
// acknowledged it.
func (w *dlqWorld) waitSettled(durables ...string) {
	ctx := context.Background()
	eventually(w.t, "consumers settled", func() bool {
		s, err := w.conn.JS.Stream(ctx, events.StreamAPI) // fetches the stream's info now
		if err != nil {
			w.t.Fatal(err)
		}
		last := s.CachedInfo().State.LastSeq
		for _, d := range durables {
			c, err := w.conn.JS.Consumer(ctx, events.StreamAPI, d)
			if err != nil {
				w.t.Fatal(err)
			}
			ci := c.CachedInfo() // fetched just now by Consumer
			if ci.AckFloor.Stream < last || ci.NumAckPending > 0 {
				return false
			}
		}
		return true
	})
}

// wantEffects checks how many rows each effect table holds.
func (w *dlqWorld) wantEffects(want map[string]int) {
	w.t.Helper()
	for table, n := range want {
		var got int
		if err := w.gdb.Raw(`SELECT count(*) FROM ` + table).Scan(&got).Error; err != nil {
			w.t.Fatal(err)
		}
		if got != n {
			w.t.Errorf("%s holds %d rows, want %d", table, got, n)
		}
	}
}

// rawDeadLetter returns a copy of the DLQ message at seq, headers and all.
func (w *dlqWorld) rawDeadLetter(seq uint64) *jetstream.RawStreamMsg {
	s, err := w.conn.JS.Stream(context.Background(), events.StreamDLQ)
	if err != nil {
		w.t.Fatal(err)
	}
	raw, err := s.GetMsg(context.Background(), seq)
	if err != nil {
		w.t.Fatal(err)
	}
	return raw
}

// putDeadLetter stores raw in the DLQ again, under a fresh Nats-Msg-Id.
func (w *dlqWorld) putDeadLetter(raw *jetstream.RawStreamMsg) {
	msg := nats.NewMsg(raw.Subject)
	msg.Data = raw.Data
	for k, v := range raw.Header {
		msg.Header[k] = v
	}
	msg.Header.Set(nats.MsgIdHdr, "copy-of-"+raw.Header.Get(nats.MsgIdHdr))
	if _, err := w.conn.JS.PublishMsg(context.Background(), msg); err != nil {
		w.t.Fatal(err)
	}
}

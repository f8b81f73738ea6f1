package draw_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
)

// startDrawProcess runs the draw service as a separate process (so it can be killed -9),
// with extra environment settings ("KEY=value").
func (w *world) startDrawProcess(bin string, extra ...string) *testenv.Process {
	w.t.Helper()
	port := testenv.FreePort(w.t)
	env := []string{"DATABASE_URL=" + w.drawDSN(), "NATS_URL=" + w.natsURL, fmt.Sprintf("TICKUP_DRAW_HEALTH_PORT=%d", port),
		"TICKUP_LOG_FORMAT=text", "TICKUP_LOG_LEVEL=warn", "TICKUP_DRAW_BEACON=", "TICKUP_NOTIFY_WEBHOOK_URL=", "NOTIFY_WEBHOOK_URL="}
	p := testenv.StartProcess(w.t, "draw", bin, nil, append(env, extra...)...)
	waitReady(w.t, "draw process", port)
	return p
}

// refuseDrawEvents makes the DRAW stream refuse every new message (at most 1 byte, discard
// new), so the draw service's outbox relay cannot publish; allowDrawEvents restores it.
func (w *world) refuseDrawEvents() {
	w.t.Helper()
	ctx := context.Background()
	s, err := w.bus.JS.Stream(ctx, events.StreamDraw)
	if err != nil {
		w.t.Fatalf("draw stream: %v", err)
	}
	cfg := s.CachedInfo().Config
	cfg.MaxBytes, cfg.Discard = 1, jetstream.DiscardNew
	if _, err := w.bus.JS.UpdateStream(ctx, cfg); err != nil {
		w.t.Fatalf("block draw stream: %v", err)
	}
}

func (w *world) allowDrawEvents() {
	w.t.Helper()
	if err := w.bus.EnsureStreams(context.Background(), events.Streams()...); err != nil {
		w.t.Fatalf("restore streams: %v", err)
	}
}

// storedWinners lists the stored winners of poolID as "tier:ticket_id".
func (w *world) storedWinners(poolID string) []string {
	w.t.Helper()
	var out []string
	err := w.db.Raw(`SELECT w.tier || ':' || w.ticket_id FROM draw.draw_winner w JOIN draw.draw d USING (draw_id)
		WHERE d.pool_id = ? ORDER BY w.tier`, poolID).Scan(&out).Error
	if err != nil {
		w.t.Fatalf("stored winners: %v", err)
	}
	return out
}

func TestKillAfterTheDrawIsStoredPublishesTheSameWinnersOnce(t *testing.T) {
	t.Parallel()
	bin := testenv.BuildBinary(t, "tickup.dev/services/draw")
	w := newWorld(t, testenv.NATSURL(t))
	first := w.startDrawProcess(bin)
	w.startTicketing()
	pool := w.cashPool(6, 2)
	w.refuseDrawEvents()
	w.fill(pool)

	testenv.WaitFor(t, waitLimit, "draw stored", func() error {
		if got := w.storedWinners(pool.PoolID); len(got) != 2 {
			return fmt.Errorf("%d winners stored", len(got))
		}
		return nil
	})
	before := w.storedWinners(pool.PoolID)
	var unpublished int64
	w.db.Raw(`SELECT count(*) FROM draw.outbox WHERE published_at IS NULL AND aggregate_id = ?`, pool.PoolID).Scan(&unpublished)
	if unpublished != 1 || w.drawEvents(pool.PoolID) != 0 {
		t.Fatalf("%d unpublished outbox rows, %d events: want the event stored, not yet published", unpublished, w.drawEvents(pool.PoolID))
	}
	first.Kill()

	w.allowDrawEvents()
	w.startDrawProcess(bin)
	e := w.awaitDrawEvent(pool.PoolID)
	w.awaitDrawn(pool.PoolID)
	var published []string
	for _, win := range e.Winners {
		published = append(published, fmt.Sprintf("%d:%s", win.Tier, win.TicketID))
	}
	if !slices.Equal(published, before) || !slices.Equal(w.storedWinners(pool.PoolID), before) {
		t.Fatalf("published %v, stored %v: want the winners stored before the kill, %v", published, w.storedWinners(pool.PoolID), before)
	}
	w.checkEvent(e, pool)
	if n := w.drawEvents(pool.PoolID); n != 1 {
		t.Fatalf("%d draw.completed events, want 1", n)
	}
}

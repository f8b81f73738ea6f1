package draw_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/draw/internal/beacon"
)

func TestBeaconRoundIsFixedWhenThePoolIsFullAndAwaited(t *testing.T) {
	t.Parallel()
	var asked atomic.Int32
	relay := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		asked.Add(1)
		w.WriteHeader(http.StatusTooEarly)
	}))
	t.Cleanup(relay.Close)
	w := newWorld(t, testenv.NATSURL(t))
	// The beacon is configured by the process environment, so the service runs as a process.
	bin := testenv.BuildBinary(t, "tickup.dev/services/draw")
	w.startDrawProcess(bin, "TICKUP_DRAW_BEACON=drand-quicknet", "TICKUP_DRAW_BEACON_URL="+relay.URL)
	w.startTicketing()
	pool := w.cashPool(3, 1)
	w.fill(pool)

	var round int64
	var due time.Time
	testenv.WaitFor(t, waitLimit, "draw request", func() error {
		return w.db.Raw(`SELECT beacon_round, next_attempt_at FROM draw.draw_request WHERE pool_id = ?`, pool.PoolID).
			Row().Scan(&round, &due)
	})
	fullAt := w.poolFullTime(pool.PoolID)
	chain := beacon.Quicknet()
	want := chain.RoundAt(fullAt.Add(30 * time.Second))
	if uint64(round) != want || chain.TimeOf(want).Before(fullAt.Add(30*time.Second)) || !chain.TimeOf(want-1).Before(fullAt.Add(30*time.Second)) {
		t.Fatalf("beacon round %d, want %d: the first round at least 30 s after FULL at %s", round, want, fullAt)
	}
	testenv.WaitFor(t, waitLimit, "the drawer to wait for the round", func() error {
		if err := w.db.Raw(`SELECT next_attempt_at FROM draw.draw_request WHERE pool_id = ?`, pool.PoolID).Row().Scan(&due); err != nil {
			return err
		}
		if !due.Equal(chain.TimeOf(want)) {
			return errors.New("next attempt at " + due.String())
		}
		return nil
	})
	if asked.Load() != 0 {
		t.Fatalf("the relay was asked %d times before the round was due", asked.Load())
	}
	wantProblem(t, func() error { _, err := w.draws.Proof(context.Background(), pool.PoolID, ""); return err },
		http.StatusNotFound, drawrpc.TypeDrawNotFound)
}

// poolFullTime is the time of the pool.full event, when the pool became FULL.
func (w *world) poolFullTime(poolID string) time.Time {
	w.t.Helper()
	msg, err := w.lastMessage(events.StreamTicketing, events.TypePoolFull.Subject(poolID))
	if err != nil {
		w.t.Fatalf("pool.full: %v", err)
	}
	return fullTime(w.t, msg)
}

func fullTime(t *testing.T, msg *jetstream.RawStreamMsg) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339Nano, msg.Header.Get(bus.HeaderTime))
	if err != nil {
		t.Fatalf("pool.full time: %v", err)
	}
	return at
}

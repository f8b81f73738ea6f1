package draw_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/draw/internal/beacon"
)

// beaconWait bounds the wait for a beacon round: 30 s after FULL, plus the drawer's poll.
const beaconWait = 2 * waitLimit

func TestTurningTheBeaconOffAfterCommitmentDoesNotChangeTheDraw(t *testing.T) {
	t.Parallel()
	var asked atomic.Int32
	relay := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		asked.Add(1)
		w.WriteHeader(http.StatusTooEarly) // the round never arrives: the draw must wait, not go without it
	}))
	t.Cleanup(relay.Close)
	bin := testenv.BuildBinary(t, "tickup.dev/services/draw")
	w := newWorld(t, testenv.NATSURL(t))
	committing := w.startDrawProcess(bin, "TICKUP_DRAW_BEACON=drand-quicknet", "TICKUP_DRAW_BEACON_URL="+relay.URL)
	w.startTicketing()
	pool := w.cashPool(3, 1)
	committing.Kill()
	// The operator turns the beacon off before the pool fills.
	drawing := w.startDrawProcess(bin, "TICKUP_DRAW_BEACON=off", "TICKUP_DRAW_BEACON_URL="+relay.URL)
	w.fill(pool)

	var round *int64
	testenv.WaitFor(t, waitLimit, "draw request", func() error {
		return w.db.Raw(`SELECT beacon_round FROM draw.draw_request WHERE pool_id = ?`, pool.PoolID).Row().Scan(&round)
	})
	want := beacon.Quicknet().RoundAt(w.poolFullTime(pool.PoolID).Add(30 * time.Second))
	if round == nil || uint64(*round) != want {
		t.Fatalf("beacon round %v, want %d: the pool's terms promised the beacon when it was created", round, want)
	}
	testenv.WaitFor(t, beaconWait, "the drawer to ask the relay for the round", func() error {
		if asked.Load() == 0 {
			return errors.New("not asked yet")
		}
		return nil
	})
	var lastError string
	testenv.WaitFor(t, waitLimit, "the failed fetch recorded", func() error {
		err := w.db.Raw(`SELECT last_error FROM draw.draw_request WHERE pool_id = ?`, pool.PoolID).Row().Scan(&lastError)
		if err == nil && !strings.Contains(lastError, fmt.Sprintf("beacon round %d", want)) {
			err = fmt.Errorf("last error %q", lastError)
		}
		return err
	})
	var draws int64
	w.db.Raw(`SELECT count(*) FROM draw.draw WHERE pool_id = ?`, pool.PoolID).Scan(&draws)
	if draws != 0 {
		t.Fatalf("the pool was drawn without its beacon round %d", want)
	}
	testenv.WaitFor(t, waitLimit, "the retry logged", func() error {
		if !strings.Contains(drawing.Output(), fmt.Sprintf("beacon round %d", want)) {
			return errors.New("not logged yet")
		}
		return nil
	})
}

func TestProdRefusesAPoolWithoutABeaconUnlessOptedOut(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		draw    []string
		refused bool
		beacon  bool
	}{
		{"prod without a beacon", []string{"TICKUP_ENV=prod", "TICKUP_DRAW_BEACON=off"}, true, false},
		{"prod with the explicit opt-out", []string{"TICKUP_ENV=prod", "TICKUP_DRAW_BEACON=off", "TICKUP_DRAW_ALLOW_NO_BEACON=true"}, false, false},
		{"prod with a beacon", []string{"TICKUP_ENV=prod", "TICKUP_DRAW_BEACON=drand-quicknet"}, false, true},
		{"test without a beacon", []string{"TICKUP_DRAW_BEACON=off"}, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t, testenv.NATSURL(t))
			w.startDraw(append(tc.draw, "SUPABASE_JWT="+strings.Repeat("s", 64))...)
			w.startTicketing()
			pool, err := w.tryCashPool(3, 1)
			if tc.refused {
				p := wantProblemOf(t, err, http.StatusServiceUnavailable, ticketingrpc.TypeDrawUnavailable)
				if !strings.Contains(p.Detail, "TICKUP_DRAW_BEACON=drand-quicknet") {
					t.Fatalf("detail %q: want it to say how to configure a beacon", p.Detail)
				}
				var pools int64
				w.db.Raw(`SELECT count(*) FROM ticketing.raffle_pool`).Scan(&pools)
				if pools != 0 {
					t.Fatalf("%d pools stored without a beacon in prod", pools)
				}
				return
			}
			if err != nil {
				t.Fatalf("create pool: %v", err)
			}
			if pool.DrawTerms == nil || (pool.DrawTerms.Beacon != nil) != tc.beacon || pool.DrawTerms.WinnersCount != 1 {
				t.Fatalf("pool terms %+v, want 1 winner and a beacon: %v", pool.DrawTerms, tc.beacon)
			}
		})
	}
}

func wantProblemOf(t *testing.T, err error, status int, typ string) *rpc.Problem {
	t.Helper()
	var p *rpc.Problem
	if !errors.As(err, &p) || p.Status != status || p.Type != typ {
		t.Fatalf("got %v, want a %d problem of type %s", err, status, typ)
	}
	return p
}

// tryCashPool is cashPool that returns the pool creation's error.
func (w *world) tryCashPool(size, winners int) (ticketingrpc.Pool, error) {
	w.t.Helper()
	ctx := context.Background()
	prize, err := w.tickets.CreatePrize(ctx, ticketingrpc.CreatePrizeRequest{Title: "100 EUR", ValueCents: 10_000,
		Currency: "EUR", Stock: winners, Kind: ticketingrpc.KindCash, SponsorName: "Tickup"})
	if err != nil {
		w.t.Fatalf("create prize: %v", err)
	}
	return w.tickets.CreatePool(ctx, ticketingrpc.CreatePoolRequest{PrizeID: prize.PrizeID, TicketPriceCents: 500,
		TicketsRequired: size, WinnersCount: &winners})
}

package app

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/draw/internal/domain"
)

// DrawStore holds draw requests and draws.
type DrawStore interface {
	// WithDue locks the oldest due draw request that no other replica holds, asks decide
	// what to do with it, and applies the outcome in the same transaction: the draw stored
	// with its draw.completed event (and notification), or the request postponed. It
	// reports whether a request was due.
	WithDue(ctx context.Context, now time.Time, decide func(ctx context.Context, req DrawRequest) Outcome) (bool, error)
}

// SeedReader reads a pool's secret seed.
type SeedReader interface {
	Seed(ctx context.Context, poolID uuid.UUID) ([]byte, error)
}

// Outcome is what becomes of a due draw request: Draw to store, or a retry at RetryAt.
type Outcome struct {
	Draw    *DrawRecord
	RetryAt time.Time
	Reason  string // why it is retried
	Failed  bool   // the attempt failed (it counts toward the back-off)
}

// DrawPool draws due pools: it starts the pool, reads its frozen ticket list, its seed and,
// if fixed, its beacon round, and computes the winners. Every input is fixed before the
// first attempt, so a retried or resumed draw gives the same winners.
type DrawPool struct {
	Store     DrawStore
	Ticketing Ticketing
	Seeds     SeedReader
	Beacon    Beacon // nil: a request with a beacon round waits until one is configured
	Notify    bool   // write a winner notification with every draw
	Backoff   Backoff
	Now       func() time.Time
	Log       *slog.Logger
}

// Step handles the oldest due request, if any, and reports whether there was one.
func (h DrawPool) Step(ctx context.Context) (bool, error) {
	return h.Store.WithDue(ctx, h.Now(), func(ctx context.Context, req DrawRequest) Outcome {
		if at, waiting := h.beaconDue(req); waiting {
			return Outcome{RetryAt: at, Reason: fmt.Sprintf("waiting for beacon round %d", *req.BeaconRound)}
		}
		rec, err := h.draw(ctx, req)
		if err != nil {
			h.Log.Warn("draw failed, will retry", "pool_id", req.PoolID, "attempt", req.Attempts+1, "err", err)
			return Outcome{RetryAt: h.Now().Add(h.Backoff.After(req.Attempts + 1)), Reason: err.Error(), Failed: true}
		}
		return Outcome{Draw: rec}
	})
}

// beaconDue reports whether req waits for its beacon round to be published, and until when.
func (h DrawPool) beaconDue(req DrawRequest) (time.Time, bool) {
	if req.BeaconRound == nil || h.Beacon == nil {
		return time.Time{}, false
	}
	at := h.Beacon.TimeOf(*req.BeaconRound)
	return at, h.Now().Before(at)
}

func (h DrawPool) draw(ctx context.Context, req DrawRequest) (*DrawRecord, error) {
	in, err := h.gather(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("draw pool %s: %w", req.PoolID, err)
	}
	drawID, err := uuid.NewV7()
	if err != nil {
		return nil, fmt.Errorf("draw id: %w", err)
	}
	rec, err := buildDraw(in, drawID, h.Now().UTC())
	if err != nil || !h.Notify {
		return rec, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return nil, fmt.Errorf("notification id: %w", err)
	}
	rec.Notification, err = newNotification(id, rec)
	return rec, err
}

// gather reads the draw's inputs: the started pool, its prize, its frozen tickets, its
// seed (checked against the pool's published commitment) and its beacon.
func (h DrawPool) gather(ctx context.Context, req DrawRequest) (drawInput, error) {
	in := drawInput{poolID: req.PoolID}
	var err error
	if in.pool, err = h.Ticketing.StartPool(ctx, req.PoolID); err != nil {
		return in, err
	}
	if in.pool.State != PoolStarted && in.pool.State != PoolDrawn {
		return in, fmt.Errorf("pool is %s, want STARTED", in.pool.State)
	}
	if in.prize, err = h.Ticketing.Prize(ctx, in.pool.PrizeID); err != nil {
		return in, err
	}
	if in.frozen, err = h.Ticketing.FrozenTickets(ctx, req.PoolID); err != nil {
		return in, err
	}
	if len(in.frozen) != in.pool.TicketsSold {
		return in, fmt.Errorf("ticketing listed %d tickets of %d sold", len(in.frozen), in.pool.TicketsSold)
	}
	if in.seed, err = h.seed(ctx, req.PoolID, in.pool.Commitment); err != nil {
		return in, err
	}
	in.beacon, in.signature, err = h.fetchBeacon(ctx, req)
	return in, err
}

// seed returns the pool's seed after checking it against the commitment ticketing shows.
func (h DrawPool) seed(ctx context.Context, poolID uuid.UUID, published string) ([]byte, error) {
	seed, err := h.Seeds.Seed(ctx, poolID)
	if err != nil {
		return nil, err
	}
	c := domain.Commitment(seed)
	if hex.EncodeToString(c[:]) != published {
		return nil, fmt.Errorf("the stored seed's commitment %x is not the pool's published %q", c, published)
	}
	return seed, nil
}

func (h DrawPool) fetchBeacon(ctx context.Context, req DrawRequest) (*domain.Beacon, []byte, error) {
	if req.BeaconRound == nil {
		return nil, nil, nil
	}
	if h.Beacon == nil {
		return nil, nil, errors.New("the pool's beacon round is fixed but no beacon is configured")
	}
	b, sig, err := h.Beacon.Fetch(ctx, *req.BeaconRound)
	if err != nil {
		return nil, nil, fmt.Errorf("beacon round %d: %w", *req.BeaconRound, err)
	}
	return &b, sig, nil
}

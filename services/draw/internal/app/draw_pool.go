package app

import (
	"context"
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

// PoolSeed is what the draw service kept for a pool since its creation.
type PoolSeed struct {
	Seed  []byte
	Terms *domain.Terms // nil for a pool committed before draw terms existed
}

// SeedReader reads a pool's secret seed and its draw terms.
type SeedReader interface {
	Committed(ctx context.Context, poolID uuid.UUID) (PoolSeed, error)
}

// Outcome is what becomes of a due draw request: Draw to store, or a retry at RetryAt.
type Outcome struct {
	Draw     *DrawRecord
	RetryAt  time.Time
	Reason   string // why it is retried
	Failed   bool   // the attempt failed (it counts toward the back-off)
	Attempts int    // the request's failed attempts, this one included, to store with the retry
}

// DrawPool draws due pools: it starts the pool, reads its frozen ticket list, its seed and
// terms and, when the terms call for one, its beacon round, and computes the winners.
// Every input is fixed before the first attempt, so a retried or resumed draw gives the
// same winners. The terms alone decide the beacon: a pool committed to one waits for its
// round however the service is configured now.
type DrawPool struct {
	Store     DrawStore
	Ticketing Ticketing
	Seeds     SeedReader
	Beacons   Beacons
	Notify    bool // write a winner notification with every draw
	Backoff   Backoff
	Now       func() time.Time
	Log       *slog.Logger
}

// Step handles the oldest due request, if any, and reports whether there was one.
func (h DrawPool) Step(ctx context.Context) (bool, error) {
	return h.Store.WithDue(ctx, h.Now(), h.decide)
}

func (h DrawPool) decide(ctx context.Context, req DrawRequest) Outcome {
	committed, err := h.Seeds.Committed(ctx, req.PoolID)
	if err != nil {
		return h.retry(req, err)
	}
	b, err := h.beaconOf(committed.Terms, req)
	if err != nil {
		return h.retry(req, err)
	}
	if b != nil {
		if at := b.TimeOf(*req.BeaconRound); h.Now().Before(at) {
			h.Log.Info("draw waits for the beacon round its terms fixed", "pool_id", req.PoolID,
				"round", *req.BeaconRound, "chain", committed.Terms.Beacon.ChainHash, "due", at)
			return Outcome{RetryAt: at, Attempts: req.Attempts,
				Reason: fmt.Sprintf("waiting for beacon round %d, fixed by the pool's draw terms", *req.BeaconRound)}
		}
	}
	rec, err := h.draw(ctx, req, committed, b)
	if err != nil {
		return h.retry(req, err)
	}
	return Outcome{Draw: rec}
}

func (h DrawPool) retry(req DrawRequest, err error) Outcome {
	h.Log.Warn("draw failed, will retry", "pool_id", req.PoolID, "attempt", req.Attempts+1, "err", err)
	attempts := req.Attempts + 1
	return Outcome{RetryAt: h.Now().Add(h.Backoff.After(attempts)), Reason: err.Error(), Failed: true, Attempts: attempts}
}

// beaconOf returns the beacon the pool's terms call for, nil for none. Terms that call for
// a beacon need the round fixed when the pool became FULL.
func (h DrawPool) beaconOf(terms *domain.Terms, req DrawRequest) (Beacon, error) {
	if terms == nil || terms.Beacon == nil {
		return nil, nil
	}
	if req.BeaconRound == nil {
		return nil, fmt.Errorf("the pool's draw terms fix %s but no round was fixed when it became FULL", terms.Beacon)
	}
	return h.Beacons.Chain(terms.Beacon.ChainHash)
}

func (h DrawPool) draw(ctx context.Context, req DrawRequest, committed PoolSeed, b Beacon) (*DrawRecord, error) {
	in, err := h.gather(ctx, req, committed, b)
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

package app

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// DrawRequest is a full pool waiting for its draw.
type DrawRequest struct {
	PoolID      uuid.UUID
	FullAt      time.Time
	BeaconRound *uint64 // fixed once, when the request is made; nil without a beacon
	Attempts    int
}

// DrawRequests stores draw requests in the caller's transaction.
type DrawRequests interface {
	// Add stores req unless the pool has a request already (which then stays unchanged).
	Add(ctx context.Context, req DrawRequest) error
}

// RequestDraw handles ticketing.pool.full: the pool is queued for its draw, and its beacon
// round, if a beacon is used, is fixed now and stored before anyone can use it.
type RequestDraw struct {
	Requests DrawRequests
	Beacon   Beacon // nil: draws use no beacon
}

// Handle queues poolID, which became FULL at fullAt. A second call changes nothing.
func (h RequestDraw) Handle(ctx context.Context, poolID uuid.UUID, fullAt time.Time) error {
	req := DrawRequest{PoolID: poolID, FullAt: fullAt.UTC()}
	if h.Beacon != nil {
		round := h.Beacon.RoundAt(fullAt.Add(BeaconDelay))
		req.BeaconRound = &round
	}
	if err := h.Requests.Add(ctx, req); err != nil {
		return fmt.Errorf("request draw of pool %s: %w", poolID, err)
	}
	return nil
}

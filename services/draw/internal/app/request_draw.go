package app

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/draw/internal/domain"
)

// DrawRequest is a full pool waiting for its draw.
type DrawRequest struct {
	PoolID      uuid.UUID
	FullAt      time.Time
	BeaconRound *uint64 // fixed once, when the request is made; nil without a beacon
	Attempts    int
}

// DrawRequests stores draw requests in the unit of work's transaction.
type DrawRequests interface {
	// Add stores req unless the pool has a request already (which then stays unchanged).
	Add(ctx context.Context, req DrawRequest) error
	// Terms returns the draw terms poolID was committed to; nil for a pool committed
	// before draw terms existed.
	Terms(ctx context.Context, poolID uuid.UUID) (*domain.Terms, error)
}

// RequestDraw queues a full pool for its draw (ticketing's pool.full triggers it), and the
// beacon round its terms call for, if any, is fixed now by the terms' rule and stored
// before anyone can know its randomness. The service's current beacon setting plays no part.
type RequestDraw struct {
	Beacons Beacons
}

// Handle queues poolID, which became FULL at fullAt, in the unit of work tx. A second call
// changes nothing.
func (h RequestDraw) Handle(ctx context.Context, tx Tx, poolID uuid.UUID, fullAt time.Time) error {
	req := DrawRequest{PoolID: poolID, FullAt: fullAt.UTC()}
	terms, err := tx.Requests.Terms(ctx, poolID)
	if err != nil {
		return fmt.Errorf("request draw of pool %s: %w", poolID, err)
	}
	if terms != nil && terms.Beacon != nil {
		b, err := h.Beacons.Chain(terms.Beacon.ChainHash)
		if err != nil {
			return fmt.Errorf("request draw of pool %s: %w", poolID, err)
		}
		round := roundFor(b, fullAt)
		req.BeaconRound = &round
	}
	if err := tx.Requests.Add(ctx, req); err != nil {
		return fmt.Errorf("request draw of pool %s: %w", poolID, err)
	}
	return nil
}

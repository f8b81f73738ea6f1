package app

import (
	"context"
	"time"

	"tickup.dev/services/ticketing/internal/domain"
)

// SweepDeadlines cancels the OPEN pools whose closes_at passed before they sold out.
type SweepDeadlines struct {
	Pools Pools
	Now   func() time.Time
}

// Handle cancels expired pools one transaction each until none is left, and returns how
// many it cancelled. Replicas sweeping at once skip each other's pools.
func (h SweepDeadlines) Handle(ctx context.Context) (int, error) {
	n := 0
	for ctx.Err() == nil {
		now := h.Now().UTC()
		found, err := h.Pools.CancelExpired(ctx, now, func(p domain.Pool, live domain.PoolEntries) (domain.Cancellation, error) {
			return domain.CancelPool(p, live, domain.ReasonDeadlinePassed, now)
		})
		if err != nil || !found {
			return n, err
		}
		n++
	}
	return n, nil
}

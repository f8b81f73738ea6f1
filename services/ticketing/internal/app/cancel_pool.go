package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// CancelPool cancels an OPEN pool at an administrator's request: its stock goes back to
// the prize and every ticket and boost it sold is voided and refunded.
type CancelPool struct {
	Pools Pools
	Now   func() time.Time
}

// Handle cancels pool id for reason (by default, an administrator's cancellation).
func (h CancelPool) Handle(ctx context.Context, id uuid.UUID, reason string) (domain.Pool, error) {
	if reason == "" {
		reason = domain.ReasonAdminCancelled
	}
	now := h.Now().UTC()
	return h.Pools.Cancel(ctx, id, func(p domain.Pool, live domain.PoolEntries) (domain.Cancellation, error) {
		return domain.CancelPool(p, live, reason, now)
	})
}

package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// UpdatePool applies a patch to an OPEN pool.
type UpdatePool struct {
	Pools Pools
	Now   func() time.Time
}

// Handle changes pool id as patch says and returns it.
func (h UpdatePool) Handle(ctx context.Context, id uuid.UUID, patch domain.PoolPatch) (domain.Pool, error) {
	return h.Pools.Update(ctx, id, func(p *domain.Pool) error { return patch.Apply(p, h.Now().UTC()) })
}

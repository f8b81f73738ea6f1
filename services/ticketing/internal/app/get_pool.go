package app

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// GetPool returns a pool (its ticket count and state included).
type GetPool struct {
	Pools Pools
}

// Handle returns pool id.
func (h GetPool) Handle(ctx context.Context, id uuid.UUID) (domain.Pool, error) {
	return h.Pools.Get(ctx, id)
}

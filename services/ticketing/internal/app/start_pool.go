package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// StartPool freezes a FULL pool's tickets for its draw; starting it again changes nothing.
type StartPool struct {
	Pools Pools
	Now   func() time.Time
}

// Handle starts pool id and returns it.
func (h StartPool) Handle(ctx context.Context, id uuid.UUID) (domain.Pool, error) {
	now := h.Now().UTC()
	return h.Pools.Start(ctx, id, func(p *domain.Pool) (bool, error) { return p.Start(now) })
}

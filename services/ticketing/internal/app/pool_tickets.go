package app

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// PoolTickets returns a page of a STARTED or DRAWN pool's tickets in ticket_num order: the
// draw's list, so voided tickets are left out.
type PoolTickets struct {
	Pools   Pools
	Tickets Tickets
}

// Handle returns up to limit tickets of poolID numbered after after.
func (h PoolTickets) Handle(ctx context.Context, poolID uuid.UUID, after, limit int) ([]domain.Ticket, error) {
	pool, err := h.Pools.Get(ctx, poolID)
	if err != nil {
		return nil, err
	}
	if err := pool.RequireFrozen(); err != nil {
		return nil, err
	}
	return h.Tickets.OfPool(ctx, poolID, after, limit)
}

package app

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// TicketService answers the ticket queries.
type TicketService struct {
	Tickets Tickets
	Pools   Pools
}

// Get returns a ticket; with a user set, someone else's ticket is not found.
func (s TicketService) Get(ctx context.Context, id, user uuid.UUID) (domain.Ticket, error) {
	t, err := s.Tickets.Get(ctx, id)
	if err != nil {
		return domain.Ticket{}, err
	}
	if user != uuid.Nil && t.UserID != user {
		return domain.Ticket{}, domain.ErrTicketNotFound(id)
	}
	return t, nil
}

// List returns a page of tickets.
func (s TicketService) List(ctx context.Context, f TicketFilter, page Page) ([]domain.Ticket, error) {
	return s.Tickets.List(ctx, f, page)
}

// ByPurchase returns what became of a purchase; false while it is still in flight.
func (s TicketService) ByPurchase(ctx context.Context, purchaseID uuid.UUID) (domain.PurchaseOutcome, bool, error) {
	return s.Tickets.ByPurchase(ctx, purchaseID)
}

// OfFrozenPool returns a page of a STARTED or DRAWN pool's tickets in ticket_num order:
// the draw's list, so voided tickets are left out.
func (s TicketService) OfFrozenPool(ctx context.Context, poolID uuid.UUID, after, limit int) ([]domain.Ticket, error) {
	pool, err := s.Pools.Get(ctx, poolID)
	if err != nil {
		return nil, err
	}
	if err := pool.RequireFrozen(); err != nil {
		return nil, err
	}
	return s.Tickets.OfPool(ctx, poolID, after, limit)
}

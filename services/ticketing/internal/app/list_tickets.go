package app

import (
	"context"

	"tickup.dev/services/ticketing/internal/domain"
)

// ListTickets returns a page of tickets, oldest first, of a user, a pool or both.
type ListTickets struct {
	Tickets Tickets
}

// Handle returns the page of the tickets f matches.
func (h ListTickets) Handle(ctx context.Context, f TicketFilter, page Page) ([]domain.Ticket, error) {
	return h.Tickets.List(ctx, f, page)
}

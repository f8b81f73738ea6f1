package app

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// GetTicket returns a ticket; asked for a user's, someone else's ticket is not found.
type GetTicket struct {
	Tickets Tickets
}

// Handle returns ticket id, of user unless user is uuid.Nil.
func (h GetTicket) Handle(ctx context.Context, id, user uuid.UUID) (domain.Ticket, error) {
	t, err := h.Tickets.Get(ctx, id)
	if err != nil {
		return domain.Ticket{}, err
	}
	if user != uuid.Nil && t.UserID != user {
		return domain.Ticket{}, domain.ErrTicketNotFound(id)
	}
	return t, nil
}

package app

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// TicketByPurchase tells what became of a purchase: issued, boosted or rejected.
type TicketByPurchase struct {
	Tickets Tickets
}

// Handle returns the purchase's outcome; false while it is still in flight.
func (h TicketByPurchase) Handle(ctx context.Context, purchaseID uuid.UUID) (domain.PurchaseOutcome, bool, error) {
	return h.Tickets.ByPurchase(ctx, purchaseID)
}

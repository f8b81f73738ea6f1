package purchases

import (
	"context"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/paymentcases"
)

// resolveCases settles the pending payment cases of a card refund or dispute with
// ticketing's answer: the ticket voided (its pool was OPEN), none issued, or kept (the pool
// is past OPEN, or Tickup had refunded the purchase itself), which an operator must
// review. Other ticket events change no case.
func (s saga) resolveCases(ctx context.Context, tx *gorm.DB, typ string, ev events.Ticket) error {
	resolution, state := "", ""
	switch {
	case typ == events.TypeTicketKept.String():
		resolution, state = paymentcases.OperatorReview, ev.PoolState
	case !events.ProviderReturnedMoney(ev.Reason):
		return nil
	case typ == events.TypeTicketVoided.String():
		resolution, state = paymentcases.TicketVoided, "OPEN"
	case typ == events.TypeTicketRejected.String():
		resolution = paymentcases.NoTicket
	default:
		return nil
	}
	detail := ""
	if resolution == paymentcases.OperatorReview {
		detail = "nothing voided: " + ev.Reason
	}
	n, err := paymentcases.Resolve(ctx, tx, ev.PurchaseID, resolution, state, detail)
	if err == nil && n > 0 && resolution == paymentcases.OperatorReview {
		s.log.ErrorContext(ctx, "card refund or dispute needs an operator", "purchase_id", ev.PurchaseID,
			"ticket_id", ev.TicketID, "pool_id", ev.PoolID, "pool_state", state, "detail", detail)
	}
	return err
}

package adapters

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/outbox"
	"tickup.dev/services/ticketing/internal/domain"
)

// outboxChunk bounds the events of one outbox insert (a cancelled pool voids every ticket).
const outboxChunk = 1000

// addEvents stores evs in the outbox under the pool's id, in order.
func addEvents(ctx context.Context, tx *gorm.DB, poolID string, evs []events.Event) error {
	for start := 0; start < len(evs); start += outboxChunk {
		end := min(start+outboxChunk, len(evs))
		if err := outbox.Add(ctx, tx, poolID, evs[start:end]...); err != nil {
			return fmt.Errorf("events of pool %s: %w", poolID, err)
		}
	}
	return nil
}

func poolEvent(p domain.Pool, reason string) events.Pool {
	return events.Pool{SchemaVersion: events.SchemaVersion, PoolID: p.ID.String(), PrizeID: p.PrizeID.String(),
		State: string(p.State), TicketsSold: p.TicketsSold, TicketsRequired: p.TicketsRequired,
		WinnersCount: p.WinnersCount, Commitment: fmt.Sprintf("%x", p.DrawCommitment), Reason: reason}
}

// ticketEvent describes a ticket and the purchase that paid for it.
func ticketEvent(t domain.Ticket, purchaseType, reason string) events.Ticket {
	e := events.Ticket{SchemaVersion: events.SchemaVersion, TicketID: t.ID.String(),
		PurchaseID: t.PurchaseID.String(), PoolID: t.PoolID.String(), UserID: t.UserID.String(),
		PurchaseType: purchaseType, TicketNum: t.Num, Weight: t.Weight, AmountCents: t.AmountCents,
		Currency: t.Currency, PaymentMethod: t.PaymentMethod, Reason: reason}
	if t.RetryOf != nil {
		e.RetryOfTicketID = t.RetryOf.String()
	}
	return e
}

// refundEvent is the ticket.voided event of a refund.
func refundEvent(r domain.Refund) events.Event {
	return events.TicketVoided(ticketEvent(r.Ticket, r.PurchaseType, r.Reason))
}

// purchaseEvent describes a purchase that got no ticket of its own (a rejection or a boost).
func purchaseEvent(p domain.Purchase, reason string) events.Ticket {
	e := events.Ticket{SchemaVersion: events.SchemaVersion, PurchaseID: p.PurchaseID.String(),
		PoolID: p.PoolID.String(), UserID: p.UserID.String(), PurchaseType: p.Type, AmountCents: p.AmountCents,
		Currency: p.Currency, PaymentMethod: p.PaymentMethod, Reason: reason}
	return e
}

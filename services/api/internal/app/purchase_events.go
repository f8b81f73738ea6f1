package app

import (
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/domain/purchase"
)

// payload is the body shared by the purchase lifecycle events.
func payload(p purchase.Purchase) events.Purchase {
	return events.Purchase{
		SchemaVersion: events.SchemaVersion, PurchaseID: p.ID, UserID: p.UserID, PoolID: p.PoolID,
		Type: p.Type, TicketID: p.TicketID, LosingTicketID: p.LosingTicketID, AmountCents: p.AmountCents,
		Currency: p.Currency, PaymentMethod: p.Method, Provider: p.Provider,
		ProviderTxnID: p.SettledTxnID, Reason: p.FailureReason, HoldExpiresAt: p.HoldExpiresAt,
	}
}

// statusEvent is the event announcing that p reached its current status; reversal (a
// provider refund or dispute) asks ticketing to void the ticket of a refunded or disputed
// purchase.
func statusEvent(p purchase.Purchase, reversal string) events.Event {
	switch p.Status {
	case purchase.StatusConfirmed:
		return events.PurchaseConfirmed(payload(p))
	case purchase.StatusFailed:
		return events.PurchaseFailed(payload(p))
	case purchase.StatusRefunded:
		return refunded(p, reversal)
	case purchase.StatusDisputed:
		return events.PurchaseDisputed(refunded(p, reversal))
	}
	return events.PurchaseCreated(payload(p))
}

// refunded is the purchase.refunded body of p.
func refunded(p purchase.Purchase, reversal string) events.PurchaseRefunded {
	return events.PurchaseRefunded{SchemaVersion: events.SchemaVersion, PurchaseID: p.ID, UserID: p.UserID,
		PoolID: p.PoolID, AmountCents: p.AmountCents, Currency: p.Currency, Reason: p.FailureReason,
		Type: p.Type, PaymentMethod: p.Method, ProviderReversal: reversal}
}

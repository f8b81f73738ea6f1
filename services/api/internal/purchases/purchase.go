// Package purchases is the api's side of the purchase saga: the purchase table, the
// /purchases routes, the state transitions (PENDING → CONFIRMED | FAILED, CONFIRMED →
// REFUNDED), each guarded in SQL and announced through the outbox, and the consumers that
// apply the wallet's and ticketing's answers.
package purchases

import (
	"time"

	"tickup.dev/pkg/contract/events"
)

// Purchase statuses. FAILED and REFUNDED are terminal; DISPUTED (the buyer disputed the
// card payment) lasts until the dispute closes.
const (
	StatusPending   = "PENDING"
	StatusConfirmed = "CONFIRMED"
	StatusFailed    = "FAILED"
	StatusRefunded  = "REFUNDED"
	StatusDisputed  = "DISPUTED"
)

// Providers whose webhooks the gateway verifies; a provider-paid purchase names one.
const (
	ProviderStripe  = "stripe"
	ProviderGeneric = "generic"
)

// Purchase is a purchase as the API shows it and the store reads it (empty strings for
// NULL columns).
type Purchase struct {
	PurchaseID     string     `json:"purchase_id" format:"uuid"`
	UserID         string     `json:"user_id" format:"uuid"`
	PoolID         string     `json:"pool_id" format:"uuid"`
	Type           string     `json:"type" enum:"ENTRY,BOOST,RETRY"`
	TicketID       string     `json:"ticket_id,omitempty" format:"uuid" doc:"BOOST: the ticket to boost."`
	LosingTicketID string     `json:"losing_ticket_id,omitempty" format:"uuid" doc:"RETRY: the losing ticket retried."`
	Status         string     `json:"status" enum:"PENDING,CONFIRMED,FAILED,REFUNDED,DISPUTED"`
	AmountCents    int64      `json:"amount_cents" minimum:"1" doc:"The pool's price for this type, in cents."`
	Currency       string     `json:"currency" example:"EUR"`
	PaymentMethod  string     `json:"payment_method" enum:"provider,wallet"`
	Provider       string     `json:"provider,omitempty" enum:"stripe,generic"`
	ProviderTxnID  string     `json:"provider_txn_id,omitempty" doc:"The provider's transaction (Stripe: payment intent) id: the one a verified webhook settled it with, else the hint sent when buying."`
	SettledTxnID   string     `json:"settled_txn_id,omitempty" doc:"The provider transaction a verified webhook bound to this purchase; unique per provider."`
	IssuedTicketID string     `json:"issued_ticket_id,omitempty" format:"uuid" doc:"The ticket issued (ENTRY, RETRY) or boosted (BOOST) for it."`
	FailureReason  string     `json:"failure_reason,omitempty" doc:"Why it failed or was refunded (hold-expired: the wallet's hold did not confirm it in time)."`
	RefundedCents  int64      `json:"refunded_cents,omitempty" doc:"What the provider refunded to the card, in cents."`
	HoldExpiresAt  *time.Time `json:"hold_expires_at,omitempty" doc:"Wallet-paid: still PENDING at this time, the purchase fails (hold-expired)."`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
}

// columns reads a purchase row into Purchase.
const columns = `purchase_id::text AS purchase_id, user_id::text AS user_id, pool_id::text AS pool_id, type,
	COALESCE(ticket_id::text, '') AS ticket_id, COALESCE(losing_ticket_id::text, '') AS losing_ticket_id,
	status, amount_cents, currency, payment_method, COALESCE(provider, '') AS provider,
	COALESCE(settled_txn_id, provider_txn_id, '') AS provider_txn_id, COALESCE(settled_txn_id, '') AS settled_txn_id,
	COALESCE(issued_ticket_id::text, '') AS issued_ticket_id, COALESCE(failure_reason, '') AS failure_reason,
	refunded_cents, hold_expires_at, created_at, updated_at`

// utc normalises the timestamps as read from the database.
func (p Purchase) utc() Purchase {
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	if p.HoldExpiresAt != nil {
		at := p.HoldExpiresAt.UTC()
		p.HoldExpiresAt = &at
	}
	return p
}

// payload is the body shared by the purchase lifecycle events.
func (p Purchase) payload() events.Purchase {
	return events.Purchase{
		SchemaVersion: events.SchemaVersion, PurchaseID: p.PurchaseID, UserID: p.UserID, PoolID: p.PoolID,
		Type: p.Type, TicketID: p.TicketID, LosingTicketID: p.LosingTicketID, AmountCents: p.AmountCents,
		Currency: p.Currency, PaymentMethod: p.PaymentMethod, Provider: p.Provider,
		ProviderTxnID: p.SettledTxnID, Reason: p.FailureReason, HoldExpiresAt: p.HoldExpiresAt,
	}
}

// refunded is the purchase.refunded event of p.
func (p Purchase) refunded() events.PurchaseRefunded {
	return events.PurchaseRefunded{SchemaVersion: events.SchemaVersion, PurchaseID: p.PurchaseID, UserID: p.UserID,
		PoolID: p.PoolID, AmountCents: p.AmountCents, Currency: p.Currency, Reason: p.FailureReason,
		Type: p.Type, PaymentMethod: p.PaymentMethod}
}

// statusEvent is the event announcing that p reached its current status.
func (p Purchase) statusEvent() events.Event {
	switch p.Status {
	case StatusConfirmed:
		return events.PurchaseConfirmed(p.payload())
	case StatusFailed:
		return events.PurchaseFailed(p.payload())
	case StatusRefunded:
		return p.refunded()
	case StatusDisputed:
		return events.PurchaseDisputed(p.refunded())
	}
	return events.PurchaseCreated(p.payload())
}

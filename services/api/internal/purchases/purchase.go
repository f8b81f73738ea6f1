// Package purchases serves the /purchases routes and reads the purchase table; the
// purchase saga's rules are in domain/purchase (Next), its use cases in app
// (docs/architecture.md, "The purchase saga").
package purchases

import (
	"time"

	"tickup.dev/services/api/internal/domain/purchase"
	"tickup.dev/services/api/internal/ports"
)

// Purchase statuses (domain/purchase holds the rules of their transitions).
const (
	StatusPending   = purchase.StatusPending
	StatusConfirmed = purchase.StatusConfirmed
	StatusFailed    = purchase.StatusFailed
	StatusRefunded  = purchase.StatusRefunded
	StatusDisputed  = purchase.StatusDisputed
)

// WalletDurable is the api's consumer of the wallet's events (ports.WalletDurable).
const WalletDurable = ports.WalletDurable

// Providers whose webhooks the gateway verifies; a provider-paid purchase names one.
const (
	ProviderStripe  = "stripe"
	ProviderGeneric = "generic"
)

// Purchase is a purchase as the API shows it.
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

// fromDomain is the API's view of a purchase.
func fromDomain(p purchase.Purchase) Purchase {
	return Purchase{PurchaseID: p.ID, UserID: p.UserID, PoolID: p.PoolID, Type: p.Type, TicketID: p.TicketID,
		LosingTicketID: p.LosingTicketID, Status: p.Status, AmountCents: p.AmountCents, Currency: p.Currency,
		PaymentMethod: p.Method, Provider: p.Provider, ProviderTxnID: p.ProviderTxnID, SettledTxnID: p.SettledTxnID,
		IssuedTicketID: p.IssuedTicketID, FailureReason: p.FailureReason, RefundedCents: p.RefundedCents,
		HoldExpiresAt: p.HoldExpiresAt, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

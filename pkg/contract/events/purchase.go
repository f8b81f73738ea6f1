package events

import "time"

// Purchase types and payment methods, as the API names them.
const (
	PurchaseEntry   = "ENTRY"
	PurchaseBoost   = "BOOST"
	PurchaseRetry   = "RETRY"
	PaymentWallet   = "wallet"
	PaymentProvider = "provider"
)

// PurchaseFailedHoldExpired is the reason of a wallet-paid purchase that was still PENDING
// at its hold deadline (Purchase.HoldExpiresAt).
const PurchaseFailedHoldExpired = "hold-expired"

// Purchase is the body shared by the purchase lifecycle events (created, confirmed,
// failed); the event types below are conversions of it.
type Purchase struct {
	SchemaVersion  int    `json:"schema_version"`
	PurchaseID     string `json:"purchase_id"`
	UserID         string `json:"user_id"`
	PoolID         string `json:"pool_id"`
	Type           string `json:"type"`                       // PurchaseEntry, PurchaseBoost, PurchaseRetry
	TicketID       string `json:"ticket_id,omitempty"`        // BOOST: the ticket to boost
	LosingTicketID string `json:"losing_ticket_id,omitempty"` // RETRY: the losing ticket
	AmountCents    int64  `json:"amount_cents"`
	Currency       string `json:"currency"`
	PaymentMethod  string `json:"payment_method"` // PaymentWallet or PaymentProvider
	Provider       string `json:"provider,omitempty"`
	ProviderTxnID  string `json:"provider_txn_id,omitempty"`
	Reason         string `json:"reason,omitempty"` // why it failed
	// HoldExpiresAt is a wallet-paid purchase's hold deadline, decided by the api: still
	// PENDING then, the purchase fails (hold-expired) and the wallet releases on that failure.
	HoldExpiresAt *time.Time `json:"hold_expires_at,omitempty"`
}

// PurchaseCreated is published when a purchase is stored PENDING.
type PurchaseCreated Purchase

// PurchaseConfirmed is published when a purchase is paid (hold placed or webhook).
type PurchaseConfirmed Purchase

// PurchaseFailed is published when payment for a purchase failed.
type PurchaseFailed Purchase

// PurchaseRefunded is published when a purchase ends REFUNDED.
type PurchaseRefunded struct {
	SchemaVersion int    `json:"schema_version"`
	PurchaseID    string `json:"purchase_id"`
	UserID        string `json:"user_id"`
	PoolID        string `json:"pool_id"`
	AmountCents   int64  `json:"amount_cents"`
	Currency      string `json:"currency"`
	Reason        string `json:"reason"`
	// Type and PaymentMethod are the purchase's (PurchaseEntry, …; PaymentProvider, …).
	Type          string `json:"type,omitempty"`
	PaymentMethod string `json:"payment_method,omitempty"`
	// ProviderReversal is set (ReversalRefund or ReversalDispute) when the payment provider
	// gave the money back to the card: ticketing then voids the purchase's ticket if its
	// pool is still OPEN, and nobody refunds it again. Empty for Tickup's own refunds.
	ProviderReversal string `json:"provider_reversal,omitempty"`
}

// PurchaseDisputed is published when the buyer disputes a card payment (a chargeback):
// the provider has taken the money back for now. Same body as PurchaseRefunded.
type PurchaseDisputed PurchaseRefunded

// What a provider did with a purchase's card payment (PurchaseRefunded.ProviderReversal).
// They double as the reason of the ticket.voided, ticket.rejected and ticket.kept events
// that answer them: the wallet never credits store credit for those.
const (
	ReversalRefund  = "provider_refund"
	ReversalDispute = "provider_dispute"
)

// ProviderReturnedMoney reports whether a ticket event's reason says that the payment
// provider already gave the buyer's money back (so no refund is owed).
func ProviderReturnedMoney(reason string) bool {
	return reason == ReversalRefund || reason == ReversalDispute
}

// EventType implements Event.
func (PurchaseCreated) EventType() string { return TypePurchaseCreated.String() }

// EventSubject implements Event.
func (PurchaseCreated) EventSubject() string { return TypePurchaseCreated.Subject("") }

// EventType implements Event.
func (PurchaseConfirmed) EventType() string { return TypePurchaseConfirmed.String() }

// EventSubject implements Event.
func (PurchaseConfirmed) EventSubject() string { return TypePurchaseConfirmed.Subject("") }

// EventType implements Event.
func (PurchaseFailed) EventType() string { return TypePurchaseFailed.String() }

// EventSubject implements Event.
func (PurchaseFailed) EventSubject() string { return TypePurchaseFailed.Subject("") }

// EventType implements Event.
func (PurchaseRefunded) EventType() string { return TypePurchaseRefunded.String() }

// EventSubject implements Event.
func (PurchaseRefunded) EventSubject() string { return TypePurchaseRefunded.Subject("") }

// EventType implements Event.
func (PurchaseDisputed) EventType() string { return TypePurchaseDisputed.String() }

// EventSubject implements Event.
func (PurchaseDisputed) EventSubject() string { return TypePurchaseDisputed.Subject("") }

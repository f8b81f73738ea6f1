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

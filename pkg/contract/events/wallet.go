package events

import "time"

// HoldPlaced reports that the wallet reserved the amount of a purchase.
type HoldPlaced struct {
	SchemaVersion int       `json:"schema_version"`
	PurchaseID    string    `json:"purchase_id"`
	HoldID        string    `json:"hold_id"`
	WalletID      string    `json:"wallet_id"`
	UserID        string    `json:"user_id"`
	PoolID        string    `json:"pool_id"`
	AmountCents   int64     `json:"amount_cents"`
	Currency      string    `json:"currency"`
	ExpiresAt     time.Time `json:"expires_at"`
}

// Reasons a wallet refuses a hold (HoldRejected.Reason), stable for consumers to branch on.
const (
	HoldRejectedInsufficientFunds = "insufficient_funds"
	HoldRejectedWalletSuspended   = "wallet_suspended"
	HoldRejectedCurrencyMismatch  = "currency_mismatch"
	HoldRejectedInvalidAmount     = "invalid_amount"
)

// HoldRejected reports that the wallet refused to reserve a purchase's amount.
type HoldRejected struct {
	SchemaVersion int    `json:"schema_version"`
	PurchaseID    string `json:"purchase_id"`
	WalletID      string `json:"wallet_id,omitempty"`
	UserID        string `json:"user_id"`
	PoolID        string `json:"pool_id"`
	AmountCents   int64  `json:"amount_cents"`
	Currency      string `json:"currency"`
	Reason        string `json:"reason"` // one of the HoldRejected* codes
}

// EntryPosted reports a ledger entry that now counts towards a balance.
type EntryPosted struct {
	SchemaVersion   int    `json:"schema_version"`
	EntryID         string `json:"entry_id"`
	WalletID        string `json:"wallet_id"`
	UserID          string `json:"user_id"`
	Direction       string `json:"direction"` // CREDIT or DEBIT
	Reason          string `json:"reason"`    // TOPUP, TICKET_PURCHASE, REFUND, ...
	Status          string `json:"status"`
	AmountCents     int64  `json:"amount_cents"`
	Currency        string `json:"currency"`
	BalanceCents    int64  `json:"balance_cents"`
	RefPurchaseID   string `json:"ref_purchase_id,omitempty"`
	RefPoolID       string `json:"ref_pool_id,omitempty"`
	RefTicketID     string `json:"ref_ticket_id,omitempty"`
	RefTopupID      string `json:"ref_topup_id,omitempty"`
	RefWithdrawalID string `json:"ref_withdrawal_id,omitempty"`
}

// EventType implements Event.
func (HoldPlaced) EventType() string { return TypeHoldPlaced.String() }

// EventSubject implements Event.
func (HoldPlaced) EventSubject() string { return TypeHoldPlaced.Subject("") }

// EventType implements Event.
func (HoldRejected) EventType() string { return TypeHoldRejected.String() }

// EventSubject implements Event.
func (HoldRejected) EventSubject() string { return TypeHoldRejected.Subject("") }

// EventType implements Event.
func (EntryPosted) EventType() string { return TypeEntryPosted.String() }

// EventSubject implements Event.
func (EntryPosted) EventSubject() string { return TypeEntryPosted.Subject("") }

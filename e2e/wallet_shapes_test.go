package e2e

import "time"

// The wallet routes' JSON answers as a client reads them (see api_shapes_test.go).

// Wallet is GET /wallet.
type Wallet struct {
	WalletID       string       `json:"wallet_id"`
	UserID         string       `json:"user_id"`
	Currency       string       `json:"currency"`
	Status         string       `json:"status"`
	BalanceCents   int64        `json:"balance_cents"`
	HeldCents      int64        `json:"held_cents"`
	AvailableCents int64        `json:"available_cents"`
	Holds          []WalletHold `json:"holds"`
	CreatedAt      time.Time    `json:"created_at"`
	UpdatedAt      time.Time    `json:"updated_at"`
}

// WalletHold is an active hold of a wallet.
type WalletHold struct {
	HoldID      string `json:"hold_id"`
	AmountCents int64  `json:"amount_cents"`
}

// LedgerEntry is one entry of a wallet's ledger.
type LedgerEntry struct {
	EntryID         int64      `json:"entry_id"`
	WalletID        string     `json:"wallet_id"`
	Direction       string     `json:"direction"`
	Reason          string     `json:"reason"`
	Status          string     `json:"status"`
	AmountCents     int64      `json:"amount_cents"`
	Currency        string     `json:"currency"`
	RefPurchaseID   string     `json:"ref_purchase_id,omitempty"`
	RefPoolID       string     `json:"ref_pool_id,omitempty"`
	RefTicketID     string     `json:"ref_ticket_id,omitempty"`
	RefTopupID      string     `json:"ref_topup_id,omitempty"`
	RefWithdrawalID string     `json:"ref_withdrawal_id,omitempty"`
	RefExternalTxn  string     `json:"ref_external_txn,omitempty"`
	Actor           string     `json:"actor,omitempty"`
	Note            string     `json:"note,omitempty"`
	CreatedAt       time.Time  `json:"created_at"`
	PostedAt        *time.Time `json:"posted_at,omitempty"`
	ReversedAt      *time.Time `json:"reversed_at,omitempty"`
	ReversalReason  string     `json:"reversal_reason,omitempty"`
}

// Topup is a wallet top-up.
type Topup struct {
	TopupID       string     `json:"topup_id"`
	WalletID      string     `json:"wallet_id"`
	UserID        string     `json:"user_id"`
	AmountCents   int64      `json:"amount_cents"`
	Currency      string     `json:"currency"`
	Provider      string     `json:"provider"`
	ProviderTxnID string     `json:"provider_txn_id,omitempty"`
	Status        string     `json:"status"`
	FailureReason string     `json:"failure_reason,omitempty"`
	EntryID       *int64     `json:"entry_id,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`
	CompletedAt   *time.Time `json:"completed_at,omitempty"`
}

// Withdrawal is a wallet withdrawal.
type Withdrawal struct {
	WithdrawalID   string     `json:"withdrawal_id"`
	WalletID       string     `json:"wallet_id"`
	UserID         string     `json:"user_id"`
	AmountCents    int64      `json:"amount_cents"`
	Currency       string     `json:"currency"`
	Provider       string     `json:"provider"`
	Destination    string     `json:"destination"`
	ProviderTxnID  string     `json:"provider_txn_id,omitempty"`
	Status         string     `json:"status"`
	HoldID         string     `json:"hold_id"`
	EntryID        *int64     `json:"entry_id,omitempty"`
	RequestedBy    string     `json:"requested_by"`
	ApprovedBy     string     `json:"approved_by,omitempty"`
	DecidedBy      string     `json:"decided_by,omitempty"`
	DecisionReason string     `json:"decision_reason,omitempty"`
	FailureReason  string     `json:"failure_reason,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	CompletedAt    *time.Time `json:"completed_at,omitempty"`
}

// UnmatchedPayment is a provider report the wallet could not apply.
type UnmatchedPayment struct {
	UnmatchedID     string     `json:"unmatched_id"`
	Kind            string     `json:"kind"`
	RefID           string     `json:"ref_id"`
	Outcome         string     `json:"outcome"`
	Provider        string     `json:"provider"`
	ProviderTxnID   string     `json:"provider_txn_id,omitempty"`
	ProviderEventID string     `json:"provider_event_id,omitempty"`
	AmountCents     int64      `json:"amount_cents"`
	Currency        string     `json:"currency"`
	Reason          string     `json:"reason"`
	Status          string     `json:"status"`
	ResolvedBy      string     `json:"resolved_by,omitempty"`
	Resolution      string     `json:"resolution,omitempty"`
	CreatedAt       time.Time  `json:"created_at"`
	ResolvedAt      *time.Time `json:"resolved_at,omitempty"`
}

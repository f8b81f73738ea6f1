package walletrpc

import "time"

// CreateTopupRequest asks to load amount_cents into the caller's wallet through provider.
type CreateTopupRequest struct {
	UserID      string `json:"user_id"`
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency,omitempty"` // default: the wallet's (EUR for a new wallet)
	Provider    string `json:"provider"`
}

// TopupRequest names one of the caller's top-ups (get, cancel).
type TopupRequest struct {
	UserID  string `json:"user_id"`
	TopupID string `json:"topup_id"`
}

// ListRequest pages through the caller's top-ups or withdrawals, newest first.
type ListRequest struct {
	UserID string `json:"user_id"`
	Limit  int    `json:"limit,omitempty"`
	Cursor string `json:"cursor,omitempty"`
}

// Topup is a request to load money: CREATED → PROCESSING → COMPLETED, or FAILED / CANCELLED.
type Topup struct {
	TopupID       string     `json:"topup_id" format:"uuid"`
	WalletID      string     `json:"wallet_id" format:"uuid"`
	UserID        string     `json:"user_id" format:"uuid"`
	AmountCents   int64      `json:"amount_cents"`
	Currency      string     `json:"currency"`
	Provider      string     `json:"provider"`
	ProviderTxnID string     `json:"provider_txn_id,omitempty"`
	Status        string     `json:"status" enum:"CREATED,PROCESSING,COMPLETED,FAILED,CANCELLED"`
	FailureReason string     `json:"failure_reason,omitempty"`
	EntryID       *int64     `json:"entry_id,omitempty" doc:"The CREDIT TOPUP entry, once completed."`
	CreatedAt     time.Time  `json:"created_at"`
	UpdatedAt     time.Time  `json:"updated_at"`
	CompletedAt   *time.Time `json:"completed_at,omitempty"`
}

// TopupPage is one page of top-ups; NextCursor is empty on the last page.
type TopupPage struct {
	Items      []Topup `json:"items"`
	NextCursor string  `json:"next_cursor,omitempty"`
}

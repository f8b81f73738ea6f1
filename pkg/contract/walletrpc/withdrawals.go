package walletrpc

import "time"

// WithdrawalCreateRequest asks to pay amount_cents out of user_id's wallet to destination.
// requested_by is who asks (the gateway's caller): empty means the owner; an admin or a
// service asking on the owner's behalf is recorded, and may not approve it.
type WithdrawalCreateRequest struct {
	UserID      string `json:"user_id"`
	RequestedBy string `json:"requested_by,omitempty"`
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency,omitempty"` // default: the wallet's
	Provider    string `json:"provider"`
	Destination string `json:"destination"`
}

// WithdrawalRequest names one of the caller's withdrawals (get, cancel). An admin get may
// leave user_id empty and set actor.
type WithdrawalRequest struct {
	UserID       string `json:"user_id,omitempty"`
	Actor        string `json:"actor,omitempty"`
	WithdrawalID string `json:"withdrawal_id"`
}

// ListWithdrawalsRequest pages through withdrawals newest first: the caller's, or with
// actor set and user_id empty everyone's (admin); status filters when set.
type ListWithdrawalsRequest struct {
	UserID string `json:"user_id,omitempty"`
	Actor  string `json:"actor,omitempty"`
	Status string `json:"status,omitempty"`
	Limit  int    `json:"limit,omitempty"`
	Cursor string `json:"cursor,omitempty"`
}

// DecisionRequest approves or rejects a REQUESTED withdrawal (admin). The approver must be
// neither the withdrawal's requester nor its owner (ProblemSecondApprover).
type DecisionRequest struct {
	Actor        string `json:"actor"`
	WithdrawalID string `json:"withdrawal_id"`
	Reason       string `json:"reason,omitempty"`
}

// Withdrawal is a payout request: REQUESTED → PROCESSING → COMPLETED or FAILED, or
// REJECTED / CANCELLED before processing.
type Withdrawal struct {
	WithdrawalID   string     `json:"withdrawal_id" format:"uuid"`
	WalletID       string     `json:"wallet_id" format:"uuid"`
	UserID         string     `json:"user_id" format:"uuid"`
	AmountCents    int64      `json:"amount_cents"`
	Currency       string     `json:"currency"`
	Provider       string     `json:"provider"`
	Destination    string     `json:"destination"`
	ProviderTxnID  string     `json:"provider_txn_id,omitempty"`
	Status         string     `json:"status" enum:"REQUESTED,PROCESSING,COMPLETED,FAILED,REJECTED,CANCELLED"`
	HoldID         string     `json:"hold_id" format:"uuid"`
	EntryID        *int64     `json:"entry_id,omitempty" doc:"The DEBIT WITHDRAWAL entry, once approved."`
	RequestedBy    string     `json:"requested_by" doc:"Who asked for it: the owner, or the admin (or service:<id>) that asked on the owner's behalf. Neither may approve it."`
	ApprovedBy     string     `json:"approved_by,omitempty" doc:"The admin who approved it: never requested_by, never the owner."`
	DecidedBy      string     `json:"decided_by,omitempty" doc:"The admin who approved or rejected it."`
	DecisionReason string     `json:"decision_reason,omitempty"`
	FailureReason  string     `json:"failure_reason,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	CompletedAt    *time.Time `json:"completed_at,omitempty"`
}

// WithdrawalPage is one page of withdrawals; NextCursor is empty on the last page.
type WithdrawalPage struct {
	Items      []Withdrawal `json:"items"`
	NextCursor string       `json:"next_cursor,omitempty"`
}

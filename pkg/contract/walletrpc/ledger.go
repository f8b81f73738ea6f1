package walletrpc

import "time"

// LedgerRequest pages through a user's ledger, newest first; Reason filters when set.
type LedgerRequest struct {
	UserID string `json:"user_id"`
	Reason string `json:"reason,omitempty"` // TOPUP, TICKET_PURCHASE, REFUND, PRIZE_PAYOUT, ADJUSTMENT, WITHDRAWAL
	Limit  int    `json:"limit,omitempty"`  // default 50, at most 200
	Cursor string `json:"cursor,omitempty"` // next_cursor of the previous page
}

// LedgerPage is one page of entries; NextCursor is empty on the last page.
type LedgerPage struct {
	Items      []Entry `json:"items"`
	NextCursor string  `json:"next_cursor,omitempty"`
}

// Entry is one ledger line. Only POSTED entries count towards the balance.
type Entry struct {
	EntryID         int64      `json:"entry_id"`
	WalletID        string     `json:"wallet_id" format:"uuid"`
	Direction       string     `json:"direction" enum:"CREDIT,DEBIT"` // CREDIT or DEBIT
	Reason          string     `json:"reason" enum:"TOPUP,TICKET_PURCHASE,REFUND,PRIZE_PAYOUT,ADJUSTMENT,WITHDRAWAL"`
	Status          string     `json:"status" enum:"PENDING,POSTED,REVERSED"` // PENDING, POSTED, REVERSED
	AmountCents     int64      `json:"amount_cents"`
	Currency        string     `json:"currency"`
	RefPurchaseID   string     `json:"ref_purchase_id,omitempty" format:"uuid"`
	RefPoolID       string     `json:"ref_pool_id,omitempty" format:"uuid"`
	RefTicketID     string     `json:"ref_ticket_id,omitempty" format:"uuid"`
	RefTopupID      string     `json:"ref_topup_id,omitempty" format:"uuid"`
	RefWithdrawalID string     `json:"ref_withdrawal_id,omitempty" format:"uuid"`
	RefExternalTxn  string     `json:"ref_external_txn,omitempty"`
	Actor           string     `json:"actor,omitempty" doc:"The admin who booked or reversed it."`
	Note            string     `json:"note,omitempty" doc:"An adjustment's reason."`
	CreatedAt       time.Time  `json:"created_at"`
	PostedAt        *time.Time `json:"posted_at,omitempty"`
	ReversedAt      *time.Time `json:"reversed_at,omitempty"`
	ReversalReason  string     `json:"reversal_reason,omitempty"`
}

// AdjustmentRequest books an admin CREDIT or DEBIT ADJUSTMENT with a mandatory reason. A
// debit must be covered by the balance less the active holds (else insufficient-funds).
type AdjustmentRequest struct {
	Actor       string `json:"actor"`
	UserID      string `json:"user_id"`
	Direction   string `json:"direction"` // CREDIT or DEBIT
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency,omitempty"` // default: the wallet's
	Reason      string `json:"reason"`
}

// ReversalRequest reverses a PENDING or POSTED entry (admin); a reversed entry no longer counts.
// Refused: a credit the balance less the active holds cannot cover (insufficient-funds), a
// capture whose purchase was refunded, and a withdrawal's debit (conflict).
type ReversalRequest struct {
	Actor   string `json:"actor"`
	EntryID int64  `json:"entry_id"`
	Reason  string `json:"reason"`
}

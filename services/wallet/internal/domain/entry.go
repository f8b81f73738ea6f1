package domain

import (
	"fmt"
	"time"
)

// Ledger directions, reasons and statuses.
const (
	Credit = "CREDIT"
	Debit  = "DEBIT"

	ReasonTopup          = "TOPUP"
	ReasonTicketPurchase = "TICKET_PURCHASE"
	ReasonRefund         = "REFUND"
	ReasonPrizePayout    = "PRIZE_PAYOUT"
	ReasonAdjustment     = "ADJUSTMENT"
	ReasonWithdrawal     = "WITHDRAWAL"

	EntryPending  = "PENDING"
	EntryPosted   = "POSTED"
	EntryReversed = "REVERSED"
)

// Reasons lists every ledger reason.
func Reasons() []string {
	return []string{ReasonTopup, ReasonTicketPurchase, ReasonRefund, ReasonPrizePayout, ReasonAdjustment, ReasonWithdrawal}
}

// Entry is one line of the append-only ledger. Only POSTED entries count towards the balance.
type Entry struct {
	EntryID         int64
	WalletID        string
	Direction       string
	Reason          string
	Status          string
	AmountCents     int64
	Currency        string
	RefPurchaseID   string
	RefPoolID       string
	RefTicketID     string
	RefTopupID      string
	RefWithdrawalID string
	RefExternalTxn  string
	Actor           string
	Note            string
	CreatedAt       time.Time
	PostedAt        *time.Time
	ReversedAt      *time.Time
	ReversalReason  string
	ReversedBy      string
}

// NewEntry is an entry of acct in its currency, POSTED at once unless pending.
func NewEntry(acct Account, direction, reason string, amount int64, pending bool, at time.Time) Entry {
	e := Entry{WalletID: acct.WalletID, Direction: direction, Reason: reason, AmountCents: amount,
		Currency: acct.Currency, Status: EntryPosted, PostedAt: &at, CreatedAt: at}
	if pending {
		e.Status, e.PostedAt = EntryPending, nil
	}
	return e
}

// Signed is the entry's effect on the balance while POSTED: credits add, debits subtract.
func (e Entry) Signed() int64 {
	if e.Direction == Debit {
		return -e.AmountCents
	}
	return e.AmountCents
}

// Post moves a PENDING entry to POSTED and returns the change to the balance.
func (e *Entry) Post(at time.Time) (int64, error) {
	if e.Status != EntryPending {
		return 0, fmt.Errorf("%w: entry %d is %s, only a PENDING entry can be posted", ErrState, e.EntryID, e.Status)
	}
	e.Status, e.PostedAt = EntryPosted, &at
	return e.Signed(), nil
}

// Reverse moves a PENDING or POSTED entry to REVERSED and returns the change to the balance:
// a reversed entry no longer counts.
func (e *Entry) Reverse(reason, actor string, at time.Time) (int64, error) {
	if reason == "" {
		return 0, &ValidationError{Fields: map[string]string{"reason": "a reversal needs a reason"}}
	}
	var delta int64
	switch e.Status {
	case EntryPosted:
		delta = -e.Signed()
	case EntryPending:
	default:
		return 0, fmt.Errorf("%w: entry %d is already %s", ErrState, e.EntryID, e.Status)
	}
	e.Status, e.ReversedAt, e.ReversalReason, e.ReversedBy = EntryReversed, &at, reason, actor
	return delta, nil
}

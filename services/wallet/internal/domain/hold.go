package domain

import (
	"fmt"
	"time"
)

// Hold statuses and reasons.
const (
	HoldActive   = "ACTIVE"
	HoldCaptured = "CAPTURED"
	HoldReleased = "RELEASED"

	HoldForTicket     = "TICKET_RESERVATION"
	HoldForWithdrawal = "WITHDRAWAL"
)

// Hold reserves part of an account's balance for a purchase or a withdrawal until it is
// captured (the money moves) or released (it does not). Either ending is final.
type Hold struct {
	HoldID         string
	WalletID       string
	PurchaseID     string // TICKET_RESERVATION
	WithdrawalID   string // WITHDRAWAL
	PoolID         string
	AmountCents    int64
	Currency       string
	Status         string
	Reason         string
	ExpiresAt      *time.Time // the api's deadline of an unconfirmed purchase: shown, never acted on here
	CaptureEntryID *int64
	ReleaseReason  string
	CreatedAt      time.Time
	ConfirmedAt    *time.Time
	CapturedAt     *time.Time
	ReleasedAt     *time.Time
}

// NewPurchaseHold reserves amount for a purchase whose api deadline is expiresAt.
func NewPurchaseHold(id string, acct Account, purchaseID, poolID string, amount int64, expiresAt time.Time) Hold {
	return Hold{HoldID: id, WalletID: acct.WalletID, PurchaseID: purchaseID, PoolID: poolID, AmountCents: amount,
		Currency: acct.Currency, Status: HoldActive, Reason: HoldForTicket, ExpiresAt: &expiresAt}
}

// NewRefusedHold records that a purchase's hold was refused, so that the purchase can never
// be captured later, whatever arrives for it.
func NewRefusedHold(id string, acct Account, purchaseID, poolID string, amount int64, currency, why string, at time.Time) Hold {
	return Hold{HoldID: id, WalletID: acct.WalletID, PurchaseID: purchaseID, PoolID: poolID, AmountCents: amount,
		Currency: currency, Status: HoldReleased, Reason: HoldForTicket, ReleaseReason: why, ReleasedAt: &at}
}

// NewWithdrawalHold reserves amount for a withdrawal; it does not expire.
func NewWithdrawalHold(id string, acct Account, withdrawalID string, amount int64) Hold {
	return Hold{HoldID: id, WalletID: acct.WalletID, WithdrawalID: withdrawalID, AmountCents: amount,
		Currency: acct.Currency, Status: HoldActive, Reason: HoldForWithdrawal}
}

// Capturable reports whether the hold can be captured now: false without error when it was
// captured before (capturing twice is a no-op), ErrState when it was released.
func (h Hold) Capturable() (bool, error) {
	switch h.Status {
	case HoldActive:
		return true, nil
	case HoldCaptured:
		return false, nil
	}
	return false, fmt.Errorf("%w: hold %s is %s (%s) and can never be captured", ErrState, h.HoldID, h.Status, h.ReleaseReason)
}

// MarkCaptured ends an active hold as captured by the ledger entry entryID.
func (h *Hold) MarkCaptured(entryID int64, at time.Time) {
	h.Status, h.CaptureEntryID, h.CapturedAt = HoldCaptured, &entryID, &at
}

// Release ends an active hold without moving money; it reports false (a no-op) otherwise.
func (h *Hold) Release(why string, at time.Time) bool {
	if h.Status != HoldActive {
		return false
	}
	h.Status, h.ReleaseReason, h.ReleasedAt = HoldReleased, why, &at
	return true
}

// Confirm stops an active hold from expiring: its purchase is confirmed.
func (h *Hold) Confirm(at time.Time) bool {
	if h.Status != HoldActive || h.ConfirmedAt != nil {
		return false
	}
	h.ConfirmedAt, h.ExpiresAt = &at, nil
	return true
}

package domain

import (
	"fmt"
	"time"
)

// Account statuses.
const (
	AccountActive    = "ACTIVE"
	AccountSuspended = "SUSPENDED"
)

// Account is a user's wallet: the posted balance (a cache of the ledger) and the sum of its
// active holds, read under the account's row lock.
type Account struct {
	WalletID     string
	UserID       string
	Currency     string
	Status       string
	StatusReason string
	BalanceCents int64
	HeldCents    int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// AvailableCents is what the account can still spend: posted balance minus active holds.
func (a Account) AvailableCents() int64 { return a.BalanceCents - a.HeldCents }

// CanReserve says why amount cannot be reserved (held) from the account, or nil. A suspended
// account cannot pay or withdraw.
func (a Account) CanReserve(amount int64, currency string) error {
	switch {
	case amount <= 0:
		return ErrInvalidAmount
	case a.Status != AccountActive:
		return fmt.Errorf("%w: wallet %s is %s", ErrSuspended, a.WalletID, a.Status)
	case currency != a.Currency:
		return fmt.Errorf("%w: wallet %s holds %s, the amount is in %s", ErrCurrencyMismatch, a.WalletID, a.Currency, currency)
	case a.AvailableCents() < amount:
		return fmt.Errorf("%w: wallet %s has %d cents available, %d needed", ErrInsufficientFunds,
			a.WalletID, a.AvailableCents(), amount)
	}
	return nil
}

// CanReceive says why an amount in currency cannot be credited to the account, or nil.
// Suspended accounts still receive refunds and payouts.
func (a Account) CanReceive(currency string) error {
	if currency != a.Currency {
		return fmt.Errorf("%w: wallet %s holds %s, the amount is in %s", ErrCurrencyMismatch, a.WalletID, a.Currency, currency)
	}
	return nil
}

// SetStatus suspends or re-activates the account; it reports false when nothing changes.
func (a *Account) SetStatus(status, reason string) (bool, error) {
	if status != AccountActive && status != AccountSuspended {
		return false, &ValidationError{Fields: map[string]string{"status": "must be ACTIVE or SUSPENDED"}}
	}
	if a.Status == status {
		return false, nil
	}
	a.Status, a.StatusReason = status, reason
	return true, nil
}

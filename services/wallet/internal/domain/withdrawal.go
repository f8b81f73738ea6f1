package domain

import (
	"fmt"
	"time"
)

// Withdrawal statuses.
const (
	WithdrawalRequested  = "REQUESTED"
	WithdrawalProcessing = "PROCESSING"
	WithdrawalCompleted  = "COMPLETED"
	WithdrawalFailed     = "FAILED"
	WithdrawalRejected   = "REJECTED"
	WithdrawalCancelled  = "CANCELLED"
)

// Withdrawal is a request to pay money out of a wallet; a hold reserves it meanwhile.
type Withdrawal struct {
	WithdrawalID   string
	WalletID       string
	UserID         string
	AmountCents    int64
	Currency       string
	Provider       string
	Destination    string
	ProviderTxnID  string
	Status         string
	HoldID         string
	EntryID        *int64
	RequestedBy    string // who asked: the owner, or the admin or service acting on their behalf
	ApprovedBy     string // the admin who approved it: never RequestedBy, never the owner
	DecidedBy      string // the admin who approved or rejected it
	DecisionReason string
	FailureReason  string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	ApprovedAt     *time.Time
	RejectedAt     *time.Time
	CancelledAt    *time.Time
	CompletedAt    *time.Time
	FailedAt       *time.Time
}

// WithdrawalLimits are the configurable bounds of a withdrawal request.
type WithdrawalLimits struct {
	MinCents   int64 // smallest single withdrawal
	DailyCents int64 // most a user may withdraw over 24 hours (requests not rejected, cancelled or failed)
}

// Check says why amount cannot be requested when usedToday was requested in the last 24 hours.
func (l WithdrawalLimits) Check(amount, usedToday int64) error {
	if amount < l.MinCents {
		return fmt.Errorf("%w: the minimum withdrawal is %d cents, %d requested", ErrLimit, l.MinCents, amount)
	}
	// Compared without adding, so no pair of amounts can overflow int64 past the limit.
	if usedToday > l.DailyCents || amount > l.DailyCents-usedToday {
		return fmt.Errorf("%w: at most %d cents may be withdrawn per 24 hours; %d already requested, %d more asked",
			ErrLimit, l.DailyCents, usedToday, amount)
	}
	return nil
}

// Approve moves a REQUESTED withdrawal to PROCESSING, debited by the PENDING entry entryID.
func (w *Withdrawal) Approve(actor string, entryID int64, at time.Time) {
	w.Status, w.DecidedBy, w.ApprovedBy, w.EntryID, w.ApprovedAt = WithdrawalProcessing, actor, actor, &entryID, &at
}

// ApprovableBy says why actor may not approve the withdrawal: money leaves only with two
// people, so neither whoever asked for it nor the wallet's owner may approve it.
func (w Withdrawal) ApprovableBy(actor string) error {
	switch actor {
	case w.RequestedBy:
		return fmt.Errorf("%w: withdrawal %s was requested by %s; another admin must approve it", ErrSecondApprover, w.WithdrawalID, actor)
	case w.UserID:
		return fmt.Errorf("%w: withdrawal %s is from your own wallet; another admin must approve it", ErrSecondApprover, w.WithdrawalID)
	}
	return nil
}

// Matches says why a provider's report cannot be about this withdrawal, or nil.
func (w Withdrawal) Matches(r Report) error {
	return matchReport("withdrawal "+w.WithdrawalID, w.Provider, w.AmountCents, w.Currency, r)
}

// Decidable says whether an admin can still approve or reject the withdrawal.
func (w Withdrawal) Decidable() error {
	if w.Status != WithdrawalRequested {
		return fmt.Errorf("%w: withdrawal %s is %s; only a REQUESTED withdrawal can be decided", ErrState, w.WithdrawalID, w.Status)
	}
	return nil
}

// Reject ends a REQUESTED withdrawal as REJECTED by actor.
func (w *Withdrawal) Reject(actor, reason string, at time.Time) error {
	if err := w.Decidable(); err != nil {
		return err
	}
	w.Status, w.DecidedBy, w.DecisionReason, w.RejectedAt = WithdrawalRejected, actor, reason, &at
	return nil
}

// Cancel ends a REQUESTED withdrawal at its owner's request.
func (w *Withdrawal) Cancel(at time.Time) error {
	if w.Status != WithdrawalRequested {
		return fmt.Errorf("%w: withdrawal %s is %s; only a REQUESTED withdrawal can be cancelled", ErrState, w.WithdrawalID, w.Status)
	}
	w.Status, w.CancelledAt = WithdrawalCancelled, &at
	return nil
}

// Complete records the provider's payout; false without error when it was recorded before.
func (w *Withdrawal) Complete(txn string, at time.Time) (bool, error) {
	switch w.Status {
	case WithdrawalCompleted:
		if txn == "" || txn == w.ProviderTxnID {
			return false, nil
		}
	case WithdrawalProcessing:
		w.Status, w.CompletedAt = WithdrawalCompleted, &at
		if txn != "" {
			w.ProviderTxnID = txn
		}
		return true, nil
	}
	return false, fmt.Errorf("%w: %w: withdrawal %s is %s (txn %q); a payout success for txn %q cannot apply",
		ErrUnmatched, ErrState, w.WithdrawalID, w.Status, w.ProviderTxnID, txn)
}

// Fail records the provider's failure; false without error when it was recorded before.
func (w *Withdrawal) Fail(txn, reason string, at time.Time) (bool, error) {
	switch w.Status {
	case WithdrawalFailed:
		return false, nil
	case WithdrawalProcessing:
		w.Status, w.FailureReason, w.FailedAt = WithdrawalFailed, reason, &at
		if txn != "" {
			w.ProviderTxnID = txn
		}
		return true, nil
	}
	return false, fmt.Errorf("%w: %w: withdrawal %s is %s; a payout failure cannot apply (a COMPLETED payout may have bounced)",
		ErrUnmatched, ErrState, w.WithdrawalID, w.Status)
}

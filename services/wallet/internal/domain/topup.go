package domain

import (
	"errors"
	"fmt"
	"time"
)

// Top-up statuses.
const (
	TopupCreated    = "CREATED"
	TopupProcessing = "PROCESSING"
	TopupCompleted  = "COMPLETED"
	TopupFailed     = "FAILED"
	TopupCancelled  = "CANCELLED"
)

// ErrTxnMismatch says a provider event names another transaction than the one on record.
var ErrTxnMismatch = errors.New("provider transaction mismatch")

// Topup is a request to load money into a wallet from a payment provider.
type Topup struct {
	TopupID       string
	WalletID      string
	UserID        string
	AmountCents   int64
	Currency      string
	Provider      string
	ProviderTxnID string
	Status        string
	FailureReason string
	EntryID       *int64
	CreatedAt     time.Time
	UpdatedAt     time.Time
	ProcessingAt  *time.Time
	CompletedAt   *time.Time
	FailedAt      *time.Time
	CancelledAt   *time.Time
}

// Cancel cancels a top-up the provider has not started processing.
func (t *Topup) Cancel(at time.Time) error {
	if t.Status != TopupCreated {
		return fmt.Errorf("%w: top-up %s is %s; only a CREATED top-up can be cancelled", ErrState, t.TopupID, t.Status)
	}
	t.Status, t.CancelledAt = TopupCancelled, &at
	return nil
}

// StartProcessing records that the provider is processing the top-up; false when it is not CREATED.
func (t *Topup) StartProcessing(txn string, at time.Time) (bool, error) {
	if t.Status != TopupCreated {
		return false, nil
	}
	if err := t.takeTxn(txn); err != nil {
		return false, err
	}
	t.Status, t.ProcessingAt = TopupProcessing, &at
	return true, nil
}

// Matches says why a provider's report cannot be about this top-up, or nil.
func (t Topup) Matches(r Report) error {
	return matchReport("top-up "+t.TopupID, t.Provider, t.AmountCents, t.Currency, r)
}

// Complete records the provider's success (its report already matched). It reports false
// without error when the same transaction completed it before. A success for a top-up its
// owner cancelled, or that failed before, still completes it: the money arrived for this
// wallet and is credited. A success naming another transaction than the one on record (a
// second collection) is ErrUnmatched.
func (t *Topup) Complete(txn string, at time.Time) (bool, error) {
	switch {
	case txn == "":
		return false, fmt.Errorf("%w: %w: top-up %s succeeded without a provider transaction id", ErrUnmatched, ErrTxnMismatch, t.TopupID)
	case t.Status == TopupCompleted && t.ProviderTxnID == txn:
		return false, nil
	case t.Status == TopupCompleted:
		return false, fmt.Errorf("%w: %w: top-up %s was completed by txn %q; txn %q collected it again",
			ErrUnmatched, ErrTxnMismatch, t.TopupID, t.ProviderTxnID, txn)
	}
	if err := t.takeTxn(txn); err != nil {
		return false, err
	}
	t.Status, t.CompletedAt = TopupCompleted, &at
	return true, nil
}

// SetEntry links the completed top-up to its ledger credit.
func (t *Topup) SetEntry(id int64) { t.EntryID = &id }

// Fail records the provider's failure; false when the top-up already ended.
func (t *Topup) Fail(reason string, at time.Time) bool {
	if t.Status != TopupCreated && t.Status != TopupProcessing {
		return false
	}
	t.Status, t.FailureReason, t.FailedAt = TopupFailed, reason, &at
	return true
}

func (t *Topup) takeTxn(txn string) error {
	if txn == "" || t.ProviderTxnID == txn {
		return nil
	}
	if t.ProviderTxnID != "" {
		return fmt.Errorf("%w: %w: top-up %s has txn %q, event names %q", ErrUnmatched, ErrTxnMismatch, t.TopupID, t.ProviderTxnID, txn)
	}
	t.ProviderTxnID = txn
	return nil
}

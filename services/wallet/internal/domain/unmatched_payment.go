package domain

import (
	"fmt"
	"time"
)

// What an unmatched payment was reported about, what the provider said, and where it stands.
const (
	UnmatchedTopup      = "TOPUP"
	UnmatchedWithdrawal = "WITHDRAWAL"

	OutcomeProcessing = "PROCESSING"
	OutcomeSucceeded  = "SUCCEEDED"
	OutcomeFailed     = "FAILED"

	UnmatchedOpen     = "OPEN"
	UnmatchedResolved = "RESOLVED"
)

// UnmatchedPayment is a provider report the wallet could not apply to the request it names.
// It stays OPEN until an operator records what was done about it (a refund at the provider,
// an adjustment, …): money the provider moved is never silently dropped.
type UnmatchedPayment struct {
	UnmatchedID     string
	Kind            string // UnmatchedTopup or UnmatchedWithdrawal
	RefID           string // the topup_id or withdrawal_id the provider named
	WalletID        string // "" when no such request exists
	Outcome         string // OutcomeSucceeded, …
	Provider        string
	ProviderTxnID   string
	ProviderEventID string
	AmountCents     int64
	Currency        string
	Reason          string
	Status          string
	ResolvedBy      string
	Resolution      string
	CreatedAt       time.Time
	ResolvedAt      *time.Time
}

// Resolve closes an OPEN unmatched payment with what actor did about it.
func (u *UnmatchedPayment) Resolve(actor, resolution string, at time.Time) error {
	if u.Status != UnmatchedOpen {
		return fmt.Errorf("%w: unmatched payment %s is %s; only an OPEN one can be resolved", ErrState, u.UnmatchedID, u.Status)
	}
	u.Status, u.ResolvedBy, u.Resolution, u.ResolvedAt = UnmatchedResolved, actor, resolution, &at
	return nil
}

package app

import (
	"context"
	"errors"
	"fmt"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// ProviderOutcome is what a payment provider reported about a top-up or a withdrawal.
type ProviderOutcome struct {
	ID          string // topup_id or withdrawal_id
	Provider    string // the webhook it came through
	EventID     string // the provider's event id
	TxnID       string
	AmountCents int64
	Currency    string
	Reason      string // why it failed
}

// TopupProcessing moves a CREATED top-up to PROCESSING. A report that does not match the
// top-up (provider, amount, currency, transaction) is recorded as unmatched.
func (a *App) TopupProcessing(ctx context.Context, st *adapters.Store, o ProviderOutcome) error {
	_, t, err := a.lockTopupFor(ctx, st, o.ID)
	if err != nil {
		return err
	}
	if err := t.Matches(o.report()); err != nil {
		return a.unmatched(ctx, st, domain.UnmatchedTopup, domain.OutcomeProcessing, t.WalletID, o, err)
	}
	changed, err := t.StartProcessing(o.TxnID, a.now())
	if err != nil || !changed {
		return a.unmatchedOr(ctx, st, domain.UnmatchedTopup, domain.OutcomeProcessing, t.WalletID, o, err)
	}
	return st.SaveTopup(ctx, t)
}

// TopupSucceeded completes a top-up and credits it (CREDIT TOPUP POSTED), exactly once per
// provider transaction: the top-up's row lock and a unique index make a repeated success a
// no-op. A success that matches the top-up is credited even when its owner cancelled it
// meanwhile; one that does not match (or names an unknown top-up, or collects it a second
// time) is recorded as an unmatched payment. Money received is never dropped.
func (a *App) TopupSucceeded(ctx context.Context, st *adapters.Store, o ProviderOutcome) error {
	acct, t, err := a.lockTopup(ctx, st, o.ID)
	if errors.Is(err, domain.ErrNotFound) {
		return a.unmatched(ctx, st, domain.UnmatchedTopup, domain.OutcomeSucceeded, "", o, err)
	}
	if err != nil {
		return err
	}
	fresh, err := a.completeTopup(ctx, st, &t, o)
	if err != nil || !fresh {
		return a.unmatchedOr(ctx, st, domain.UnmatchedTopup, domain.OutcomeSucceeded, t.WalletID, o, err)
	}
	e := domain.NewEntry(acct, domain.Credit, domain.ReasonTopup, t.AmountCents, false, *t.CompletedAt)
	e.RefTopupID, e.RefExternalTxn = t.TopupID, t.ProviderTxnID
	if err := a.mustPost(ctx, st, acct, &e); err != nil {
		return err
	}
	t.SetEntry(e.EntryID)
	return st.SaveTopup(ctx, t)
}

// completeTopup checks the report against the top-up and the transaction's owner, then
// completes the top-up; false when the same transaction completed it before.
func (a *App) completeTopup(ctx context.Context, st *adapters.Store, t *domain.Topup, o ProviderOutcome) (bool, error) {
	if err := t.Matches(o.report()); err != nil {
		return false, err
	}
	owner, err := st.TopupByTxn(ctx, o.TxnID)
	if err != nil {
		return false, err
	}
	if owner != "" && owner != t.TopupID {
		return false, fmt.Errorf("%w: %w: txn %s belongs to top-up %s", domain.ErrUnmatched, domain.ErrTxnMismatch, o.TxnID, owner)
	}
	return t.Complete(o.TxnID, a.now())
}

// TopupFailed marks a top-up the provider could not collect FAILED.
func (a *App) TopupFailed(ctx context.Context, st *adapters.Store, o ProviderOutcome) error {
	_, t, err := a.lockTopupFor(ctx, st, o.ID)
	if err != nil {
		return err
	}
	if err := t.Matches(o.report()); err != nil {
		return a.unmatched(ctx, st, domain.UnmatchedTopup, domain.OutcomeFailed, t.WalletID, o, err)
	}
	if !t.Fail(o.Reason, a.now()) {
		return a.ignored("top-up failure", o, fmt.Errorf("%w: top-up %s is %s", domain.ErrState, t.TopupID, t.Status))
	}
	return st.SaveTopup(ctx, t)
}

// lockTopupFor locks the top-up a provider event names; an unknown top-up is inconsistent.
func (a *App) lockTopupFor(ctx context.Context, st *adapters.Store, id string) (domain.Account, domain.Topup, error) {
	acct, t, err := a.lockTopup(ctx, st, id)
	if errors.Is(err, domain.ErrNotFound) {
		return acct, t, fmt.Errorf("%w: %w", domain.ErrInconsistent, err)
	}
	return acct, t, err
}

// ignored logs a provider event that cannot apply (nil err: a repeat) and drops it: no
// money moved, and the records stay as they are for an operator to review.
func (a *App) ignored(what string, o ProviderOutcome, err error) error {
	if err != nil {
		a.log.Error(what+" ignored", "id", o.ID, "provider_txn_id", o.TxnID, "err", err)
	}
	return nil
}

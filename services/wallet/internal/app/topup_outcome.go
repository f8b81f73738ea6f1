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
	TxnID       string
	AmountCents int64
	Currency    string
	Reason      string // why it failed
}

// TopupProcessing moves a CREATED top-up to PROCESSING.
func (a *App) TopupProcessing(ctx context.Context, st *adapters.Store, o ProviderOutcome) error {
	_, t, err := a.lockTopupFor(ctx, st, o.ID)
	if err != nil {
		return err
	}
	changed, err := t.StartProcessing(o.TxnID, a.now())
	if err != nil || !changed {
		return a.ignored("top-up processing", o, err)
	}
	return st.SaveTopup(ctx, t)
}

// TopupSucceeded completes a top-up and credits it (CREDIT TOPUP POSTED), exactly once per
// provider transaction: the top-up's row lock and a unique index make a repeated success a
// no-op, and a success naming another transaction is logged and ignored.
func (a *App) TopupSucceeded(ctx context.Context, st *adapters.Store, o ProviderOutcome) error {
	acct, t, err := a.lockTopupFor(ctx, st, o.ID)
	if err != nil {
		return err
	}
	owner, err := st.TopupByTxn(ctx, o.TxnID)
	if err != nil {
		return err
	}
	if owner != "" && owner != t.TopupID {
		return a.ignored("top-up success", o, fmt.Errorf("%w: txn %s belongs to top-up %s", domain.ErrTxnMismatch, o.TxnID, owner))
	}
	if o.Currency != "" && o.Currency != t.Currency {
		return a.ignored("top-up success", o, fmt.Errorf("%w: top-up in %s, provider reports %s", domain.ErrCurrencyMismatch, t.Currency, o.Currency))
	}
	fresh, err := t.Complete(o.TxnID, o.AmountCents, a.now())
	if err != nil || !fresh {
		return a.ignored("top-up success", o, err)
	}
	e := domain.NewEntry(acct, domain.Credit, domain.ReasonTopup, t.AmountCents, false, *t.CompletedAt)
	e.RefTopupID, e.RefExternalTxn = t.TopupID, t.ProviderTxnID
	if err := a.mustPost(ctx, st, acct, &e); err != nil {
		return err
	}
	t.SetEntry(e.EntryID)
	return st.SaveTopup(ctx, t)
}

// TopupFailed marks a top-up the provider could not collect FAILED.
func (a *App) TopupFailed(ctx context.Context, st *adapters.Store, o ProviderOutcome) error {
	_, t, err := a.lockTopupFor(ctx, st, o.ID)
	if err != nil {
		return err
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

// ignored logs a provider event that cannot apply (nil err: a repeat) and drops it: the
// records stay as they are for an operator to review.
func (a *App) ignored(what string, o ProviderOutcome, err error) error {
	if err != nil {
		a.log.Error(what+" ignored", "id", o.ID, "provider_txn_id", o.TxnID, "err", err)
	}
	return nil
}

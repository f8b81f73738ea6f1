package app

import (
	"context"
	"errors"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// CreditTopup completes a top-up and credits it (CREDIT TOPUP POSTED), exactly once per
// provider transaction: the top-up's row lock and a unique index make a repeated success a
// no-op. A success that matches the top-up is credited even when its owner cancelled it
// meanwhile; one that does not match (or names an unknown top-up, or collects it a second
// time) is recorded as an unmatched payment. Money received is never dropped. Triggered by
// payment.topup_succeeded.
type CreditTopup struct{ deps }

// Handle applies the provider's report o.
func (h CreditTopup) Handle(ctx context.Context, o ProviderOutcome) error {
	return h.store.InTx(ctx, func(st Books) error {
		acct, t, err := h.lockTopup(ctx, st, o.ID)
		if errors.Is(err, domain.ErrNotFound) {
			return h.unmatched(ctx, st, domain.UnmatchedTopup, domain.OutcomeSucceeded, "", o, err)
		}
		if err != nil {
			return err
		}
		fresh, err := h.complete(ctx, st, &t, o)
		if err != nil || !fresh {
			return h.unmatchedOr(ctx, st, domain.UnmatchedTopup, domain.OutcomeSucceeded, t.WalletID, o, err)
		}
		e := domain.NewEntry(acct, domain.Credit, domain.ReasonTopup, t.AmountCents, false, *t.CompletedAt)
		e.RefTopupID, e.RefExternalTxn = t.TopupID, t.ProviderTxnID
		if err := h.mustPost(ctx, st, acct, &e); err != nil {
			return err
		}
		t.SetEntry(e.EntryID)
		return st.SaveTopup(ctx, t)
	})
}

// complete checks the report against the top-up and the transaction's owner, then
// completes the top-up; false when the same transaction completed it before.
func (h CreditTopup) complete(ctx context.Context, st Books, t *domain.Topup, o ProviderOutcome) (bool, error) {
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
	return t.Complete(o.TxnID, h.now())
}

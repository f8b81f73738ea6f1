package app

import (
	"context"
	"errors"
	"fmt"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// WithdrawalSucceeded completes a PROCESSING withdrawal: its entry becomes POSTED (the
// balance drops now) and its hold CAPTURED. A repeat is a no-op. A payout that does not
// match the withdrawal (provider, amount, currency), names an unknown one, or one that is
// not PROCESSING is recorded as an unmatched payment and changes nothing else.
func (a *App) WithdrawalSucceeded(ctx context.Context, st *adapters.Store, o ProviderOutcome) error {
	acct, w, err := a.lockWithdrawal(ctx, st, o.ID)
	if errors.Is(err, domain.ErrNotFound) {
		return a.unmatched(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeSucceeded, "", o, err)
	}
	if err != nil {
		return err
	}
	if err := w.Matches(o.report()); err != nil {
		return a.unmatched(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeSucceeded, w.WalletID, o, err)
	}
	now := a.now()
	fresh, err := w.Complete(o.TxnID, now)
	if err != nil || !fresh {
		return a.unmatchedOr(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeSucceeded, w.WalletID, o, err)
	}
	e, err := st.LockEntry(ctx, *w.EntryID)
	if err != nil {
		return err
	}
	if _, err := e.Post(now); err != nil {
		return fmt.Errorf("%w: %w", domain.ErrInconsistent, err)
	}
	if err := st.SaveEntryStatus(ctx, e); err != nil {
		return err
	}
	if err := a.applyPosted(ctx, st, acct, e); err != nil {
		return err
	}
	if err := a.captureWithdrawalHold(ctx, st, w, e.EntryID); err != nil {
		return err
	}
	return st.SaveWithdrawal(ctx, w)
}

// WithdrawalFailed ends a PROCESSING withdrawal FAILED: its entry is REVERSED (it never
// counted) and its hold released. A repeat is a no-op; a failure that does not match the
// withdrawal, or of one that is not PROCESSING (a bounced payout), is recorded as unmatched.
func (a *App) WithdrawalFailed(ctx context.Context, st *adapters.Store, o ProviderOutcome) error {
	_, w, err := a.lockWithdrawalFor(ctx, st, o.ID)
	if err != nil {
		return err
	}
	if err := w.Matches(o.report()); err != nil {
		return a.unmatched(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeFailed, w.WalletID, o, err)
	}
	fresh, err := w.Fail(o.TxnID, o.Reason, a.now())
	if err != nil || !fresh {
		return a.unmatchedOr(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeFailed, w.WalletID, o, err)
	}
	e, err := st.LockEntry(ctx, *w.EntryID)
	if err != nil {
		return err
	}
	if _, err := e.Reverse("provider failed: "+o.Reason, "provider", a.now()); err != nil {
		return fmt.Errorf("%w: %w", domain.ErrInconsistent, err)
	}
	if err := st.SaveEntryStatus(ctx, e); err != nil {
		return err
	}
	if err := a.releaseWithdrawalHold(ctx, st, w, "withdrawal failed"); err != nil {
		return err
	}
	return st.SaveWithdrawal(ctx, w)
}

func (a *App) captureWithdrawalHold(ctx context.Context, st *adapters.Store, w domain.Withdrawal, entryID int64) error {
	hold, found, err := st.LockHold(ctx, "hold_id", w.HoldID)
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("%w: withdrawal %s has no hold %s", domain.ErrInconsistent, w.WithdrawalID, w.HoldID)
	}
	ok, err := hold.Capturable()
	if err != nil {
		return fmt.Errorf("%w: withdrawal %s: %w", domain.ErrInconsistent, w.WithdrawalID, err)
	}
	if !ok {
		return nil
	}
	hold.MarkCaptured(entryID, a.now())
	return st.SaveHold(ctx, hold)
}

// lockWithdrawalFor locks the withdrawal a provider event names; an unknown one is inconsistent.
func (a *App) lockWithdrawalFor(ctx context.Context, st *adapters.Store, id string) (domain.Account, domain.Withdrawal, error) {
	acct, w, err := a.lockWithdrawal(ctx, st, id)
	if errors.Is(err, domain.ErrNotFound) {
		return acct, w, fmt.Errorf("%w: %w", domain.ErrInconsistent, err)
	}
	return acct, w, err
}

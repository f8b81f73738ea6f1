package app

import (
	"context"
	"errors"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// CompleteWithdrawal completes a PROCESSING withdrawal: its entry becomes POSTED (the
// balance drops now) and its hold CAPTURED. A repeat is a no-op. A payout that does not
// match the withdrawal (provider, amount, currency), names an unknown one, or one that is
// not PROCESSING is recorded as an unmatched payment and changes nothing else. Triggered by
// payment.withdrawal_succeeded.
type CompleteWithdrawal struct{ deps }

// Handle applies the provider's report o.
func (h CompleteWithdrawal) Handle(ctx context.Context, o ProviderOutcome) error {
	return h.store.InTx(ctx, func(st Books) error {
		acct, w, err := h.lockWithdrawal(ctx, st, o.ID)
		if errors.Is(err, domain.ErrNotFound) {
			return h.unmatched(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeSucceeded, "", o, err)
		}
		if err != nil {
			return err
		}
		if err := w.Matches(o.report()); err != nil {
			return h.unmatched(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeSucceeded, w.WalletID, o, err)
		}
		fresh, err := w.Complete(o.TxnID, h.now())
		if err != nil || !fresh {
			return h.unmatchedOr(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeSucceeded, w.WalletID, o, err)
		}
		return h.payOut(ctx, st, acct, w)
	})
}

// payOut posts the withdrawal's PENDING debit, captures its hold and saves it.
func (h CompleteWithdrawal) payOut(ctx context.Context, st Books, acct domain.Account, w domain.Withdrawal) error {
	e, err := st.LockEntry(ctx, *w.EntryID)
	if err != nil {
		return err
	}
	if _, err := e.Post(*w.CompletedAt); err != nil {
		return fmt.Errorf("%w: %w", domain.ErrInconsistent, err)
	}
	if err := st.SaveEntryStatus(ctx, e); err != nil {
		return err
	}
	if err := h.applyPosted(ctx, st, acct, e); err != nil {
		return err
	}
	if err := h.captureHold(ctx, st, w, e.EntryID); err != nil {
		return err
	}
	return st.SaveWithdrawal(ctx, w)
}

func (h CompleteWithdrawal) captureHold(ctx context.Context, st Books, w domain.Withdrawal, entryID int64) error {
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
	hold.MarkCaptured(entryID, h.now())
	return st.SaveHold(ctx, hold)
}

package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// FailWithdrawal ends a PROCESSING withdrawal FAILED: its entry is REVERSED (it never
// counted) and its hold released. A repeat is a no-op; a failure that does not match the
// withdrawal, or of one that is not PROCESSING (a bounced payout), is recorded as
// unmatched. Triggered by payment.withdrawal_failed.
type FailWithdrawal struct{ deps }

// Handle applies the provider's report o.
func (h FailWithdrawal) Handle(ctx context.Context, o ProviderOutcome) error {
	return h.store.InTx(ctx, func(st Books) error {
		_, w, err := h.lockWithdrawalFor(ctx, st, o.ID)
		if err != nil {
			return err
		}
		if err := w.Matches(o.report()); err != nil {
			return h.unmatched(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeFailed, w.WalletID, o, err)
		}
		fresh, err := w.Fail(o.TxnID, o.Reason, h.now())
		if err != nil || !fresh {
			return h.unmatchedOr(ctx, st, domain.UnmatchedWithdrawal, domain.OutcomeFailed, w.WalletID, o, err)
		}
		e, err := st.LockEntry(ctx, *w.EntryID)
		if err != nil {
			return err
		}
		if _, err := e.Reverse("provider failed: "+o.Reason, "provider", h.now()); err != nil {
			return fmt.Errorf("%w: %w", domain.ErrInconsistent, err)
		}
		if err := st.SaveEntryStatus(ctx, e); err != nil {
			return err
		}
		if err := h.releaseWithdrawalHold(ctx, st, w, "withdrawal failed"); err != nil {
			return err
		}
		return st.SaveWithdrawal(ctx, w)
	})
}

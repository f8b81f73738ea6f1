package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// recheckFunds makes sure, under the wallet's lock, that a withdrawal about to be approved is
// still covered: its hold is ACTIVE and the balance less the other active holds still pays
// it. The request's check alone is not enough: the approval books the debit the provider
// pays out, possibly long after the request.
func (d deps) recheckFunds(ctx context.Context, st Books, acct domain.Account, w domain.Withdrawal) error {
	hold, found, err := st.LockHold(ctx, "hold_id", w.HoldID)
	if err != nil {
		return err
	}
	if !found || hold.Status != domain.HoldActive {
		return fmt.Errorf("%w: withdrawal %s no longer has an active hold (hold %s %s)", domain.ErrState,
			w.WithdrawalID, w.HoldID, hold.Status)
	}
	acct.HeldCents -= hold.AmountCents
	if err := acct.CanTake(w.AmountCents); err != nil {
		return fmt.Errorf("withdrawal %s cannot be approved: %w", w.WithdrawalID, err)
	}
	return nil
}

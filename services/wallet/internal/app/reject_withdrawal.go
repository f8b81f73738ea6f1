package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// RejectWithdrawal refuses a REQUESTED withdrawal (admin) and releases its hold.
type RejectWithdrawal struct{ deps }

// Handle rejects the withdrawal d names.
func (h RejectWithdrawal) Handle(ctx context.Context, d Decision) (domain.Withdrawal, error) {
	return h.changeWithdrawal(ctx, d.WithdrawalID, func(st Books, _ domain.Account, w *domain.Withdrawal) error {
		if err := w.Reject(d.Actor, d.Reason, h.now()); err != nil {
			return err
		}
		return h.releaseWithdrawalHold(ctx, st, *w, "withdrawal rejected")
	})
}

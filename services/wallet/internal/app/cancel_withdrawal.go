package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// CancelWithdrawal cancels the user's REQUESTED withdrawal and releases its hold.
type CancelWithdrawal struct{ deps }

// Handle cancels userID's withdrawal withdrawalID; another user's is not found.
func (h CancelWithdrawal) Handle(ctx context.Context, userID, withdrawalID string) (domain.Withdrawal, error) {
	return h.changeWithdrawal(ctx, withdrawalID, func(st Books, _ domain.Account, w *domain.Withdrawal) error {
		if w.UserID != userID {
			return fmt.Errorf("withdrawal %s: %w", withdrawalID, domain.ErrNotFound)
		}
		if err := w.Cancel(h.now()); err != nil {
			return err
		}
		return h.releaseWithdrawalHold(ctx, st, *w, "withdrawal cancelled")
	})
}

package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// GetWithdrawal returns a withdrawal; when a user asks, another user's is not found.
type GetWithdrawal struct{ deps }

// Handle returns withdrawal withdrawalID, of userID unless userID is "" (an admin asks).
func (h GetWithdrawal) Handle(ctx context.Context, userID, withdrawalID string) (domain.Withdrawal, error) {
	w, err := h.store.Withdrawal(ctx, withdrawalID, false)
	if err == nil && userID != "" && w.UserID != userID {
		return domain.Withdrawal{}, domain.ErrNotFound
	}
	return w, err
}

package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// Withdrawals lists withdrawals newest first, limit at a time after the withdrawal cursor
// names: the user's, or everyone's when userID is empty (the ports allow that to admins only).
func (a *App) Withdrawals(ctx context.Context, userID, status, cursor string, limit int) (Page[domain.Withdrawal], error) {
	items, err := a.store.Withdrawals(ctx, userID, status, cursor, limit+1)
	if err != nil || len(items) <= limit {
		return Page[domain.Withdrawal]{Items: items}, err
	}
	return Page[domain.Withdrawal]{Items: items[:limit], Next: items[limit-1].WithdrawalID}, nil
}

// Withdrawal returns a withdrawal; when userID is set, another user's is not found.
func (a *App) Withdrawal(ctx context.Context, userID, withdrawalID string) (domain.Withdrawal, error) {
	w, err := a.store.Withdrawal(ctx, withdrawalID, false)
	if err == nil && userID != "" && w.UserID != userID {
		return domain.Withdrawal{}, domain.ErrNotFound
	}
	return w, err
}

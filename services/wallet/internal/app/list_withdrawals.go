package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// ListWithdrawals lists withdrawals newest first, limit at a time after the withdrawal the
// cursor names: the user's, or everyone's when userID is empty (the ports allow that to
// admins only); status filters when set.
type ListWithdrawals struct{ deps }

// Handle returns one page of withdrawals.
func (h ListWithdrawals) Handle(ctx context.Context, userID, status, cursor string, limit int) (Page[domain.Withdrawal], error) {
	items, err := h.store.Withdrawals(ctx, userID, status, cursor, limit+1)
	if err != nil {
		return Page[domain.Withdrawal]{}, err
	}
	return pageOf(items, limit, func(w domain.Withdrawal) string { return w.WithdrawalID }), nil
}

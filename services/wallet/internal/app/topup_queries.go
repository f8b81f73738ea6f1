package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// Topups lists the user's top-ups newest first, limit at a time after the top-up cursor names.
func (a *App) Topups(ctx context.Context, userID, cursor string, limit int) (Page[domain.Topup], error) {
	items, err := a.store.Topups(ctx, userID, cursor, limit+1)
	if err != nil || len(items) <= limit {
		return Page[domain.Topup]{Items: items}, err
	}
	return Page[domain.Topup]{Items: items[:limit], Next: items[limit-1].TopupID}, nil
}

// Topup returns one of the user's top-ups; another user's is not found.
func (a *App) Topup(ctx context.Context, userID, topupID string) (domain.Topup, error) {
	t, err := a.store.Topup(ctx, topupID, false)
	if err == nil && t.UserID != userID {
		return domain.Topup{}, domain.ErrNotFound
	}
	return t, err
}

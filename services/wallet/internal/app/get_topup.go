package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// GetTopup returns one of the user's top-ups; another user's is not found.
type GetTopup struct{ deps }

// Handle returns userID's top-up topupID.
func (h GetTopup) Handle(ctx context.Context, userID, topupID string) (domain.Topup, error) {
	t, err := h.store.Topup(ctx, topupID, false)
	if err == nil && t.UserID != userID {
		return domain.Topup{}, domain.ErrNotFound
	}
	return t, err
}

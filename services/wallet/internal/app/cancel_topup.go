package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// CancelTopup cancels the user's top-up while the provider has not started processing it.
type CancelTopup struct{ deps }

// Handle cancels userID's top-up topupID; another user's is not found.
func (h CancelTopup) Handle(ctx context.Context, userID, topupID string) (domain.Topup, error) {
	return h.store.UpdateTopup(ctx, topupID, func(t *domain.Topup) error {
		if t.UserID != userID {
			return fmt.Errorf("top-up %s: %w", topupID, domain.ErrNotFound)
		}
		return t.Cancel(h.now())
	})
}

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
	var t domain.Topup
	err := h.store.InTx(ctx, func(st Books) error {
		var err error
		if _, t, err = h.lockTopup(ctx, st, topupID); err != nil {
			return err
		}
		if t.UserID != userID {
			return fmt.Errorf("top-up %s: %w", topupID, domain.ErrNotFound)
		}
		if err := t.Cancel(h.now()); err != nil {
			return err
		}
		return st.SaveTopup(ctx, t)
	})
	return t, err
}

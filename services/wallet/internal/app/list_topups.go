package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// ListTopups lists the user's top-ups newest first, limit at a time after the top-up the
// cursor names.
type ListTopups struct{ deps }

// Handle returns one page of userID's top-ups.
func (h ListTopups) Handle(ctx context.Context, userID, cursor string, limit int) (Page[domain.Topup], error) {
	items, err := h.store.Topups(ctx, userID, cursor, limit+1)
	if err != nil {
		return Page[domain.Topup]{}, err
	}
	return pageOf(items, limit, func(t domain.Topup) string { return t.TopupID }), nil
}

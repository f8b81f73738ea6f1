package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// ListUnmatched lists unmatched payments newest first (status filters when set), limit at a
// time after the one the cursor names.
type ListUnmatched struct{ deps }

// Handle returns one page of unmatched payments.
func (h ListUnmatched) Handle(ctx context.Context, status, cursor string, limit int) (Page[domain.UnmatchedPayment], error) {
	items, err := h.store.UnmatchedPayments(ctx, status, cursor, limit+1)
	if err != nil {
		return Page[domain.UnmatchedPayment]{}, err
	}
	return pageOf(items, limit, func(u domain.UnmatchedPayment) string { return u.UnmatchedID }), nil
}

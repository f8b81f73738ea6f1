package app

import (
	"context"
	"strings"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// UnmatchedPayments lists unmatched payments newest first (status filters when set), limit
// at a time after the one the cursor names.
func (a *App) UnmatchedPayments(ctx context.Context, status, cursor string, limit int) (Page[domain.UnmatchedPayment], error) {
	items, err := a.store.UnmatchedPayments(ctx, status, cursor, limit+1)
	if err != nil || len(items) <= limit {
		return Page[domain.UnmatchedPayment]{Items: items}, err
	}
	return Page[domain.UnmatchedPayment]{Items: items[:limit], Next: items[limit-1].UnmatchedID}, nil
}

// ResolveUnmatched closes an OPEN unmatched payment with what the operator actor did about
// it (refunded it at the provider, credited it by an adjustment, …). It moves no money
// itself: that is done, and recorded, through the operation the resolution names.
func (a *App) ResolveUnmatched(ctx context.Context, actor, id, resolution string) (domain.UnmatchedPayment, error) {
	v := domain.Validation{}
	v.Require(strings.TrimSpace(actor) != "", "actor", "is required: resolving is an admin operation")
	v.Require(strings.TrimSpace(resolution) != "", "resolution", "is required")
	if err := v.Err(); err != nil {
		return domain.UnmatchedPayment{}, err
	}
	var u domain.UnmatchedPayment
	err := a.store.InTx(ctx, func(st *adapters.Store) error {
		var err error
		if u, err = st.UnmatchedPayment(ctx, id, true); err != nil {
			return err
		}
		if err := u.Resolve(strings.TrimSpace(actor), strings.TrimSpace(resolution), a.now()); err != nil {
			return err
		}
		a.log.InfoContext(ctx, "unmatched payment resolved", "unmatched_id", id, "by", u.ResolvedBy, "resolution", u.Resolution)
		return st.SaveUnmatched(ctx, u)
	})
	return u, err
}

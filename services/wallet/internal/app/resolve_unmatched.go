package app

import (
	"context"
	"strings"

	"tickup.dev/services/wallet/internal/domain"
)

// Resolution is what an operator did about an unmatched payment.
type Resolution struct {
	Actor       string
	UnmatchedID string
	Resolution  string // refunded it at the provider, credited it by an adjustment, …
}

// ResolveUnmatched closes an OPEN unmatched payment with what the operator did about it. It
// moves no money itself: that is done, and recorded, through the operation the resolution
// names.
type ResolveUnmatched struct{ deps }

// Handle records the resolution r.
func (h ResolveUnmatched) Handle(ctx context.Context, r Resolution) (domain.UnmatchedPayment, error) {
	v := domain.Validation{}
	v.Require(strings.TrimSpace(r.Actor) != "", "actor", "is required: resolving is an admin operation")
	v.Require(strings.TrimSpace(r.Resolution) != "", "resolution", "is required")
	if err := v.Err(); err != nil {
		return domain.UnmatchedPayment{}, err
	}
	return h.store.UpdateUnmatched(ctx, r.UnmatchedID, func(u *domain.UnmatchedPayment) error {
		if err := u.Resolve(strings.TrimSpace(r.Actor), strings.TrimSpace(r.Resolution), h.now()); err != nil {
			return err
		}
		h.log.InfoContext(ctx, "unmatched payment resolved", "unmatched_id", r.UnmatchedID, "by", u.ResolvedBy, "resolution", u.Resolution)
		return nil
	})
}

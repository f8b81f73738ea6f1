package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// FailTopup marks a top-up the provider could not collect FAILED. Triggered by
// payment.topup_failed.
type FailTopup struct{ deps }

// Handle applies the provider's report o.
func (h FailTopup) Handle(ctx context.Context, o ProviderOutcome) error {
	return h.store.InTx(ctx, func(st Books) error {
		_, t, err := h.lockTopupFor(ctx, st, o.ID)
		if err != nil {
			return err
		}
		if err := t.Matches(o.report()); err != nil {
			return h.unmatched(ctx, st, domain.UnmatchedTopup, domain.OutcomeFailed, t.WalletID, o, err)
		}
		if !t.Fail(o.Reason, h.now()) {
			return h.ignored("top-up failure", o, fmt.Errorf("%w: top-up %s is %s", domain.ErrState, t.TopupID, t.Status))
		}
		return st.SaveTopup(ctx, t)
	})
}

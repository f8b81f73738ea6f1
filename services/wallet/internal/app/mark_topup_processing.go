package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// MarkTopupProcessing moves a CREATED top-up to PROCESSING. A report that does not match the
// top-up (provider, amount, currency, transaction) is recorded as unmatched. Triggered by
// payment.topup_processing.
type MarkTopupProcessing struct{ deps }

// Handle applies the provider's report o.
func (h MarkTopupProcessing) Handle(ctx context.Context, o ProviderOutcome) error {
	return h.store.InTx(ctx, func(st Books) error {
		_, t, err := h.lockTopupFor(ctx, st, o.ID)
		if err != nil {
			return err
		}
		if err := t.Matches(o.report()); err != nil {
			return h.unmatched(ctx, st, domain.UnmatchedTopup, domain.OutcomeProcessing, t.WalletID, o, err)
		}
		changed, err := t.StartProcessing(o.TxnID, h.now())
		if err != nil || !changed {
			return h.unmatchedOr(ctx, st, domain.UnmatchedTopup, domain.OutcomeProcessing, t.WalletID, o, err)
		}
		return st.SaveTopup(ctx, t)
	})
}

package app

import (
	"context"
	"errors"

	"tickup.dev/services/wallet/internal/domain"
)

// unmatched records a provider report that cannot apply to the request it names as an OPEN
// unmatched payment (once per report), and logs it for an operator: the event itself is
// consumed, so nothing retries it, and the money it reports is never dropped. walletID is
// "" when no such request exists.
func (d deps) unmatched(ctx context.Context, st Books, kind, outcome, walletID string, o ProviderOutcome, why error) error {
	id, err := newID()
	if err != nil {
		return err
	}
	u := domain.UnmatchedPayment{UnmatchedID: id, Kind: kind, RefID: o.ID, WalletID: walletID, Outcome: outcome,
		Provider: o.Provider, ProviderTxnID: o.TxnID, ProviderEventID: o.EventID, AmountCents: o.AmountCents,
		Currency: o.Currency, Reason: why.Error(), Status: domain.UnmatchedOpen, CreatedAt: d.now()}
	fresh, err := st.InsertUnmatched(ctx, u)
	if err != nil || !fresh {
		return err
	}
	d.log.ErrorContext(ctx, "unmatched payment recorded: an operator must resolve it", "unmatched_id", id,
		"kind", kind, "ref_id", o.ID, "outcome", outcome, "provider", o.Provider, "provider_txn_id", o.TxnID,
		"amount_cents", o.AmountCents, "currency", o.Currency, "reason", u.Reason,
		"resolve", "GET /api/v1/wallet/unmatched-payments?status=OPEN, then POST …/"+id+"/resolve")
	return nil
}

// unmatchedOr records o as unmatched when err says it cannot apply (domain.ErrUnmatched),
// and returns any other err as it is.
func (d deps) unmatchedOr(ctx context.Context, st Books, kind, outcome, walletID string, o ProviderOutcome, err error) error {
	if errors.Is(err, domain.ErrUnmatched) {
		return d.unmatched(ctx, st, kind, outcome, walletID, o, err)
	}
	return err
}

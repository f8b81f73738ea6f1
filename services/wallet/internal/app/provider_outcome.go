package app

import (
	"tickup.dev/services/wallet/internal/domain"
)

// ProviderOutcome is what a payment provider reported about a top-up or a withdrawal.
type ProviderOutcome struct {
	ID          string // topup_id or withdrawal_id
	Provider    string // the webhook it came through
	EventID     string // the provider's event id
	TxnID       string
	AmountCents int64
	Currency    string
	Reason      string // why it failed
}

// report is what the provider said, for the domain's checks.
func (o ProviderOutcome) report() domain.Report {
	return domain.Report{Provider: o.Provider, TxnID: o.TxnID, AmountCents: o.AmountCents, Currency: o.Currency}
}

// ignored logs a provider report that cannot apply (nil err: a repeat) and drops it: no
// money moved, and the records stay as they are for an operator to review.
func (d deps) ignored(what string, o ProviderOutcome, err error) error {
	if err != nil {
		d.log.Error(what+" ignored", "id", o.ID, "provider_txn_id", o.TxnID, "err", err)
	}
	return nil
}

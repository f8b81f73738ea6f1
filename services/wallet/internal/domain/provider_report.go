package domain

import (
	"errors"
	"fmt"
)

// ErrUnmatched marks a provider report that cannot apply to the top-up or withdrawal it
// names (another provider, amount, currency or transaction, or a request in a state it
// cannot apply to). Money it reports is never dropped: the wallet records it as an
// unmatched payment for an operator to resolve.
var ErrUnmatched = errors.New("provider report does not match the request")

// Report is what a payment provider reported about a top-up or a withdrawal.
type Report struct {
	Provider    string
	TxnID       string
	AmountCents int64
	Currency    string
}

// matchReport says why r cannot be about a request of amount in currency through provider,
// or nil. Every field must be reported and equal: a missing one is a mismatch too.
func matchReport(what, provider string, amount int64, currency string, r Report) error {
	switch {
	case r.Provider != provider:
		return fmt.Errorf("%w: %s goes through provider %q, the report comes from %q", ErrUnmatched, what, provider, r.Provider)
	case r.AmountCents != amount:
		return fmt.Errorf("%w: %s is for %d cents, the provider reports %d", ErrUnmatched, what, amount, r.AmountCents)
	case r.Currency != currency:
		return fmt.Errorf("%w: %s is in %s, the provider reports %q", ErrUnmatched, what, currency, r.Currency)
	}
	return nil
}

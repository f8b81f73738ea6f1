package app

import (
	"context"
	"time"

	"tickup.dev/services/ticketing/internal/domain"
)

// VoidReversed handles a card payment the provider gave back (api.purchase.refunded or
// api.purchase.disputed with a provider reversal): the purchase's ticket is voided while
// its pool is OPEN, kept (for operators) after, and never issued if it was not yet.
type VoidReversed struct {
	Now func() time.Time
}

// Handle applies one reversal in the unit of work tx.
func (h VoidReversed) Handle(ctx context.Context, tx Tx, r domain.Reversal) error {
	return tx.Reversals.Apply(ctx, r, h.Now().UTC(), func(s domain.ReversalSnapshot) domain.ReversalVerdict {
		return domain.DecideReversal(s, r.Reason)
	})
}

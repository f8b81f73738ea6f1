package webhooks

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/purchases"
	"tickup.dev/services/api/internal/validate"
)

// settleReversal applies a card refund or dispute to the purchase it names (by id, or by
// the provider transaction that paid it), locked for the rest of the transaction, and
// records the case for operators (docs/architecture.md, "Card refunds and disputes").
func (m *Module) settleReversal(ctx context.Context, tx *gorm.DB, n notice) (string, error) {
	p, err := lockReversed(ctx, tx, n)
	if err != nil {
		return "", err
	}
	if err := matchesReversal(p, n); err != nil {
		return "", err
	}
	r := reversalOf{Module: m, tx: tx, p: p, n: n}
	apply := map[string]func(context.Context) (string, error){outcomeRefunded: r.refund, outcomeDisputed: r.dispute,
		outcomeDisputeWon: r.disputeWon, outcomeDisputeLost: r.disputeLost}[n.outcome]
	outcome, err := apply(ctx)
	if errors.Is(err, purchases.ErrTxnInUse) {
		return "", &problem.Error{Kind: problem.KindConflict, Code: "provider-txn-in-use",
			Detail: "This provider transaction already pays another purchase.", Err: err}
	}
	return outcome, err
}

// lockReversed finds and locks the purchase of a refund or dispute.
func lockReversed(ctx context.Context, tx *gorm.DB, n notice) (purchases.Purchase, error) {
	var p purchases.Purchase
	var err error
	if n.purchaseID != "" {
		p, err = purchases.Lock(ctx, tx, n.purchaseID)
	} else {
		p, err = purchases.LockByTxn(ctx, tx, n.provider, n.txnID)
	}
	if errors.Is(err, purchases.ErrNotFound) {
		return p, problem.NewError(problem.KindNotFound, "purchase-not-found", "No purchase has the event's purchase or transaction id.")
	}
	return p, err
}

// matchesReversal checks that the event is about p's card payment: this provider, this
// transaction (when both are known), this currency, and never more than was paid.
func matchesReversal(p purchases.Purchase, n notice) error {
	if p.PaymentMethod != events.PaymentProvider || p.Provider != n.provider {
		return unprocessable("provider-mismatch", fmt.Sprintf("The purchase is not paid through %s.", n.provider), nil)
	}
	if n.txnID != "" && p.SettledTxnID != "" && n.txnID != p.SettledTxnID {
		return unprocessable("provider-txn-mismatch", "The purchase is paid by another provider transaction.", purchases.ErrTxnMismatch)
	}
	if p.Currency != n.currency {
		return unprocessable("amount-mismatch", fmt.Sprintf("The event is in %s; the purchase was paid in %s.", n.currency, p.Currency), nil)
	}
	if n.amountCents > p.AmountCents {
		return unprocessable("refund-exceeds-payment", fmt.Sprintf("The event reports %s; the purchase paid only %s.",
			validate.FormatMoney(n.amountCents, n.currency), validate.FormatMoney(p.AmountCents, p.Currency)), nil)
	}
	return nil
}

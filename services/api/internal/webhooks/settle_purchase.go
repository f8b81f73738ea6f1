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

// settlePurchase applies a payment verdict to the purchase n names, locked for the rest of
// the transaction: the purchase must be paid through this provider, for this amount and
// currency, by this transaction (bound to it on first sight; the client's provider_txn_id
// is only a hint and never decides). A verdict contradicting a settled purchase (paid after
// it FAILED, failed after it was paid) changes nothing, is logged for an operator and
// answered with an outcome naming the contradiction.
func (m *Module) settlePurchase(ctx context.Context, tx *gorm.DB, n notice) (string, error) {
	p, err := purchases.Lock(ctx, tx, n.purchaseID)
	if errors.Is(err, purchases.ErrNotFound) {
		return "", problem.NewError(problem.KindNotFound, "purchase-not-found", "No purchase has the event's purchase_id.")
	}
	if err != nil {
		return "", err
	}
	if err := matches(p, n); err != nil {
		return "", err
	}
	to := purchases.StatusFailed
	switch n.outcome {
	case outcomeProcessing:
		return recordedProcessing, nil
	case outcomeSucceeded:
		to = purchases.StatusConfirmed
	}
	_, changed, err := purchases.Settle(ctx, tx, p, to, n.txnID, n.reason)
	var illegal *purchases.IllegalError
	switch {
	case errors.As(err, &illegal):
		m.log.ErrorContext(ctx, "payment verdict contradicts the purchase: review it", "provider", n.provider,
			"event_id", n.eventID, "purchase_id", p.PurchaseID, "status", p.Status, "verdict", n.outcome)
		return contradiction(to, p.Status), nil
	case errors.Is(err, purchases.ErrTxnMismatch):
		return "", unprocessable("provider-txn-mismatch", "The purchase is paid by another provider transaction.", err)
	case errors.Is(err, purchases.ErrTxnInUse):
		return "", &problem.Error{Kind: problem.KindConflict, Code: "provider-txn-in-use",
			Detail: "This provider transaction already pays another purchase.", Err: err}
	case err != nil:
		return "", err
	case !changed:
		return recordedUnchanged, nil
	case to == purchases.StatusConfirmed:
		return recordedConfirmed, nil
	}
	return recordedFailed, nil
}

// contradiction names a verdict (to) that a settled purchase's status does not allow.
func contradiction(to, status string) string {
	switch {
	case to == purchases.StatusFailed:
		return recordedFailureAfterSuccess
	case status == purchases.StatusFailed:
		return recordedSuccessAfterFailure
	}
	return recordedSuccessAfterReversal
}

// matches checks that the event is about p as it was bought: paid through this provider,
// for its amount and currency.
func matches(p purchases.Purchase, n notice) error {
	if p.PaymentMethod != events.PaymentProvider || p.Provider != n.provider {
		return unprocessable("provider-mismatch",
			fmt.Sprintf("The purchase is not paid through %s.", n.provider), nil)
	}
	if p.AmountCents != n.amountCents || p.Currency != n.currency {
		return unprocessable("amount-mismatch", fmt.Sprintf("The event reports %s; the purchase costs %s.",
			validate.FormatMoney(n.amountCents, n.currency), validate.FormatMoney(p.AmountCents, p.Currency)), nil)
	}
	return nil
}

// unprocessable is a 422 of the given slug.
func unprocessable(code, detail string, err error) error {
	return &problem.Error{Kind: problem.KindUnprocessable, Code: code, Detail: detail, Err: err}
}

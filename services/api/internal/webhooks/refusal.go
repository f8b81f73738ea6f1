package webhooks

import (
	"errors"
	"fmt"

	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// refusal is the answer to an event the saga refused for purchase p (as read), or err
// itself when it is no refusal.
func refusal(p purchase.Purchase, n notice, err error) error {
	money := validate.FormatMoney
	switch {
	case errors.Is(err, app.ErrNotFound) && reversal(n.outcome):
		return problem.NewError(problem.KindNotFound, "purchase-not-found", "No purchase has the event's purchase or transaction id.")
	case errors.Is(err, app.ErrNotFound):
		return problem.NewError(problem.KindNotFound, "purchase-not-found", "No purchase has the event's purchase_id.")
	case errors.Is(err, purchase.ErrProviderMismatch):
		return unprocessable("provider-mismatch", fmt.Sprintf("The purchase is not paid through %s.", n.provider), nil)
	case errors.Is(err, purchase.ErrTxnMismatch):
		return unprocessable("provider-txn-mismatch", "The purchase is paid by another provider transaction.", err)
	case errors.Is(err, purchase.ErrAmountMismatch) && reversal(n.outcome):
		return unprocessable("amount-mismatch", fmt.Sprintf("The event is in %s; the purchase was paid in %s.", n.currency, p.Currency), nil)
	case errors.Is(err, purchase.ErrAmountMismatch):
		return unprocessable("amount-mismatch", fmt.Sprintf("The event reports %s; the purchase costs %s.",
			money(n.amountCents, n.currency), money(p.AmountCents, p.Currency)), nil)
	case errors.Is(err, purchase.ErrExceedsPayment):
		return unprocessable("refund-exceeds-payment", fmt.Sprintf("The event reports %s; the purchase paid only %s.",
			money(n.amountCents, n.currency), money(p.AmountCents, p.Currency)), nil)
	case errors.Is(err, app.ErrTxnInUse):
		return &problem.Error{Kind: problem.KindConflict, Code: "provider-txn-in-use",
			Detail: "This provider transaction already pays another purchase.", Err: err}
	}
	return err
}

// unprocessable is a 422 of the given slug.
func unprocessable(code, detail string, err error) error {
	return &problem.Error{Kind: problem.KindUnprocessable, Code: code, Detail: detail, Err: err}
}

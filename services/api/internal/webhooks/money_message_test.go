package webhooks

import (
	"errors"
	"strings"
	"testing"

	"tickup.dev/services/api/internal/domain/purchase"
	"tickup.dev/services/api/internal/problem"
)

// TestAmountMismatchIsWrittenAsMoney: a refusal about an amount says "9.99 EUR", not the
// cents count a reader would take for euros.
func TestAmountMismatchIsWrittenAsMoney(t *testing.T) {
	t.Parallel()
	p := purchase.Purchase{Status: purchase.StatusConfirmed, Method: purchase.MethodProvider, Provider: "stripe",
		AmountCents: 500, Currency: "EUR"}
	paid := notice{provider: "stripe", outcome: outcomeSucceeded, amountCents: 999, currency: "EUR"}
	refunded := notice{provider: "stripe", outcome: outcomeRefunded, amountCents: 999, currency: "EUR"}
	cases := []struct {
		name  string
		n     notice
		event purchase.Event
		want  string
	}{
		{"payment", paid, purchase.PaymentSucceeded{Payment: purchase.Payment{Provider: "stripe", AmountCents: 999, Currency: "EUR"}},
			"The event reports 9.99 EUR; the purchase costs 5.00 EUR."},
		{"refund", refunded, purchase.CardRefunded{Reversal: purchase.Reversal{Provider: "stripe", AmountCents: 999, Currency: "EUR"}},
			"The event reports 9.99 EUR; the purchase paid only 5.00 EUR."},
	}
	for _, c := range cases {
		_, err := purchase.Next(p, c.event)
		err = refusal(p, c.n, err)
		var pe *problem.Error
		if !errors.As(err, &pe) || !strings.Contains(pe.Detail, c.want) {
			t.Errorf("%s: %v, want a detail saying %q", c.name, err, c.want)
		}
	}
}

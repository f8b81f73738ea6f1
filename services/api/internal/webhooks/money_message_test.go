package webhooks

import (
	"errors"
	"strings"
	"testing"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/purchases"
)

// TestAmountMismatchIsWrittenAsMoney: a refusal about an amount says "9.99 EUR", not the
// cents count a reader would take for euros.
func TestAmountMismatchIsWrittenAsMoney(t *testing.T) {
	t.Parallel()
	p := purchases.Purchase{PaymentMethod: events.PaymentProvider, Provider: "stripe", AmountCents: 500, Currency: "EUR"}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"payment", matches(p, notice{provider: "stripe", amountCents: 999, currency: "EUR"}),
			"The event reports 9.99 EUR; the purchase costs 5.00 EUR."},
		{"refund", matchesReversal(p, notice{provider: "stripe", amountCents: 999, currency: "EUR"}),
			"The event reports 9.99 EUR; the purchase paid only 5.00 EUR."},
	}
	for _, c := range cases {
		var pe *problem.Error
		if !errors.As(c.err, &pe) || !strings.Contains(pe.Detail, c.want) {
			t.Errorf("%s: %v, want a detail saying %q", c.name, c.err, c.want)
		}
	}
}

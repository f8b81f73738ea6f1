package validate

import (
	"math"
	"testing"
)

func TestFormatMoney(t *testing.T) {
	t.Parallel()
	cases := []struct {
		cents    int64
		currency string
		want     string
	}{
		{999, "EUR", "9.99 EUR"},
		{1000, "EUR", "10.00 EUR"},
		{5, "USD", "0.05 USD"},
		{0, "EUR", "0.00 EUR"},
		{-250, "EUR", "-2.50 EUR"},
		{-5, "GBP", "-0.05 GBP"},
		{100_000_000_000, "EUR", "1000000000.00 EUR"},
		{999, "JPY", "999 JPY"},
		{1234, "BHD", "1.234 BHD"},
		{999, "eur", "9.99 EUR"},
		{999, "???", "9.99 ???"},
		{math.MinInt64, "EUR", "-92233720368547758.08 EUR"},
	}
	for _, c := range cases {
		if got := FormatMoney(c.cents, c.currency); got != c.want {
			t.Errorf("FormatMoney(%d, %q) = %q, want %q", c.cents, c.currency, got, c.want)
		}
	}
}

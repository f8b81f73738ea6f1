package validate

import (
	"strconv"
	"strings"

	"golang.org/x/text/currency"
)

// defaultMinorDigits is the number of minor-unit digits of most currencies (cents).
const defaultMinorDigits = 2

// FormatMoney writes an amount in the currency's minor units (cents for EUR) as a reader
// expects money: 999 EUR cents is "9.99 EUR", 999 JPY is "999 JPY". The digits come from
// ISO 4217; an unknown code gets two. Exact integer arithmetic, never floats.
func FormatMoney(minor int64, code string) string {
	code = strings.ToUpper(code)
	digits := minorDigits(code)
	sign, abs := "", uint64(minor)
	if minor < 0 {
		sign, abs = "-", -uint64(minor) // two's complement: exact for math.MinInt64 too
	}
	s := strconv.FormatUint(abs, 10)
	if digits == 0 {
		return sign + s + " " + code
	}
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	return sign + s[:len(s)-digits] + "." + s[len(s)-digits:] + " " + code
}

// minorDigits is code's number of minor-unit digits.
func minorDigits(code string) int {
	unit, err := currency.ParseISO(code)
	if err != nil {
		return defaultMinorDigits
	}
	scale, _ := currency.Standard.Rounding(unit)
	return scale
}

package domain

import "regexp"

// DefaultCurrency is the currency of an account created without one.
const DefaultCurrency = "EUR"

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// ValidCurrency reports whether c looks like an ISO 4217 code (three capital letters).
func ValidCurrency(c string) bool { return currencyCode.MatchString(c) }

// MaxAmountCents bounds every amount the wallet accepts (10^11 cents): sums of many such
// amounts stay far from the int64 limit.
const MaxAmountCents int64 = 100_000_000_000

// ValidAmount reports whether cents is a positive amount no larger than MaxAmountCents.
func ValidAmount(cents int64) bool { return cents > 0 && cents <= MaxAmountCents }

// AmountRule is the message for an amount that is not ValidAmount.
const AmountRule = "must be a positive number of cents, at most 100000000000"

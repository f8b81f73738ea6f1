package domain

import "regexp"

// DefaultCurrency is the currency of an account created without one.
const DefaultCurrency = "EUR"

var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// ValidCurrency reports whether c looks like an ISO 4217 code (three capital letters).
func ValidCurrency(c string) bool { return currencyCode.MatchString(c) }

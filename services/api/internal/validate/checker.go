// Package validate checks request values and answers with problems that name each bad
// field: a Checker collects field errors into one 422, and the truth helpers compare
// optional client-sent fields (user_id, amount_cents) with what the server knows.
package validate

import (
	"fmt"
	"net/mail"
	"regexp"
	"strings"

	"golang.org/x/text/currency"

	"tickup.dev/services/api/internal/problem"
)

// uuidPattern matches a UUID in canonical 8-4-4-4-12 form, any case.
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// Checker collects field errors. The zero value is ready to use.
type Checker struct {
	fields []problem.FieldError
}

// Add records that field is invalid.
func (c *Checker) Add(field, message string) {
	c.fields = append(c.fields, problem.FieldError{Field: field, Message: message})
}

// Check records message against field unless ok; it returns ok.
func (c *Checker) Check(ok bool, field, message string) bool {
	if !ok {
		c.Add(field, message)
	}
	return ok
}

// Required records an empty value.
func (c *Checker) Required(field, value string) bool {
	return c.Check(strings.TrimSpace(value) != "", field, "is required")
}

// UUID records a value that is not a UUID.
func (c *Checker) UUID(field, value string) bool {
	return c.Check(IsUUID(value), field, "must be a UUID")
}

// MaxCents bounds every amount of money the API accepts (10^11 cents): sums of such
// amounts cannot overflow int64 anywhere downstream.
const MaxCents int64 = 100_000_000_000

// PositiveCents records an amount of money that is not 1 to MaxCents cents.
func (c *Checker) PositiveCents(field string, cents int64) bool {
	return c.Check(cents > 0 && cents <= MaxCents, field, "must be a positive amount in cents, at most 100000000000")
}

// Currency records a value that is not an upper-case ISO 4217 currency code.
func (c *Checker) Currency(field, code string) bool {
	return c.Check(IsCurrency(code), field, "must be an ISO 4217 currency code such as EUR")
}

// OneOf records a value outside allowed.
func (c *Checker) OneOf(field, value string, allowed ...string) bool {
	for _, a := range allowed {
		if value == a {
			return true
		}
	}
	c.Add(field, fmt.Sprintf("must be one of %s", strings.Join(allowed, ", ")))
	return false
}

// Email records a value that is not a bare e-mail address.
func (c *Checker) Email(field, value string) bool {
	addr, err := mail.ParseAddress(value)
	return c.Check(err == nil && addr.Address == value && addr.Name == "", field, "must be an e-mail address")
}

// Err returns nil, or a 422 validation problem listing every recorded field.
func (c *Checker) Err() error {
	if len(c.fields) == 0 {
		return nil
	}
	return problem.Invalid(c.fields)
}

// IsUUID reports whether s is a UUID in canonical form.
func IsUUID(s string) bool { return uuidPattern.MatchString(s) }

// IsCurrency reports whether code is a recognised ISO 4217 code in upper case.
func IsCurrency(code string) bool {
	if len(code) != 3 || strings.ToUpper(code) != code {
		return false
	}
	_, err := currency.ParseISO(code)
	return err == nil && code != "XXX"
}

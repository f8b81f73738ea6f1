package domain

import (
	"net/url"
	"regexp"
)

var currencyRE = regexp.MustCompile(`^[A-Z]{3}$`)

// ValidCurrency reports whether s looks like an ISO 4217 code: three uppercase letters.
func ValidCurrency(s string) bool { return currencyRE.MatchString(s) }

// Fields collects what is wrong with the fields of one request.
type Fields map[string]string

// Check records msg for field unless ok; the first problem of a field wins.
func (f Fields) Check(ok bool, field, msg string) {
	if !ok {
		if _, seen := f[field]; !seen {
			f[field] = msg
		}
	}
}

// Err returns nil when nothing is wrong, else an invalid-input refusal naming the fields.
func (f Fields) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Kind: KindInvalid, Code: CodeValidation, Detail: "the request has invalid fields", Fields: f}
}

// validURL accepts an empty value or an absolute http(s) URL.
func validURL(s string) bool {
	if s == "" {
		return true
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && len(s) <= 2048
}

// MaxCents bounds every amount of money ticketing accepts (10^11 cents): a pool of the most
// tickets at the highest price stays far inside int64, so no sum of its sales can overflow.
const MaxCents int64 = 100_000_000_000

// validCents reports whether cents is 1 to MaxCents.
func validCents(cents int64) bool { return cents > 0 && cents <= MaxCents }

func positive64(p *int64) bool { return p == nil || validCents(*p) }

func positive(p *int) bool { return p == nil || *p > 0 }

// Package webhooksig verifies and produces the signatures of payment webhooks: Stripe's
// Stripe-Signature scheme and Standard Webhooks. Both take several secrets so that a
// secret can be rotated without dropping events, compare in constant time, and accept
// timestamps within Tolerance of now in either direction.
package webhooksig

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Tolerance is how far a signed timestamp may be from now, past or future.
const Tolerance = 5 * time.Minute

// Verification errors; callers tell them apart with errors.Is.
var (
	ErrMissingHeader   = errors.New("webhook signature header missing")
	ErrMalformedHeader = errors.New("webhook signature header malformed")
	ErrBadSignature    = errors.New("webhook signature does not match")
	ErrStale           = errors.New("webhook timestamp outside tolerance")
	ErrNoSecret        = errors.New("no usable webhook secret configured")
)

// mac returns HMAC-SHA256(key, parts joined by ".").
func mac(key []byte, parts ...[]byte) []byte {
	h := hmac.New(sha256.New, key)
	for i, p := range parts {
		if i > 0 {
			h.Write([]byte{'.'})
		}
		h.Write(p)
	}
	return h.Sum(nil)
}

// anyMatch reports whether one of the candidate signatures equals one of the expected
// ones, comparing every pair in constant time.
func anyMatch(expected, candidates [][]byte) bool {
	match := false
	for _, e := range expected {
		for _, c := range candidates {
			if hmac.Equal(e, c) {
				match = true
			}
		}
	}
	return match
}

// parseTimestamp reads decimal Unix seconds.
func parseTimestamp(s string) (time.Time, error) {
	secs, err := strconv.ParseInt(s, 10, 64)
	if err != nil || secs <= 0 {
		return time.Time{}, fmt.Errorf("%w: timestamp %q", ErrMalformedHeader, s)
	}
	return time.Unix(secs, 0), nil
}

// checkFresh accepts t within Tolerance of now.
func checkFresh(t, now time.Time) error {
	if d := now.Sub(t); d > Tolerance || d < -Tolerance {
		return fmt.Errorf("%w: signed at %s, now %s", ErrStale, t.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	return nil
}

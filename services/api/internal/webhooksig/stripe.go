package webhooksig

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// HeaderStripe is the header carrying Stripe's signature.
const HeaderStripe = "Stripe-Signature"

// VerifyStripe checks a Stripe-Signature header ("t=<unix>,v1=<hex>,v1=<hex>…") against
// the raw body: some v1 must equal hex(HMAC-SHA256(secret, t + "." + body)) for one of
// secrets, and t must be within Tolerance of now.
func VerifyStripe(header string, body []byte, secrets []string, now time.Time) error {
	if strings.TrimSpace(header) == "" {
		return fmt.Errorf("%s: %w", HeaderStripe, ErrMissingHeader)
	}
	ts, sigs, err := parseStripe(header)
	if err != nil {
		return fmt.Errorf("%s: %w", HeaderStripe, err)
	}
	signedAt, err := parseTimestamp(ts)
	if err != nil {
		return fmt.Errorf("%s: %w", HeaderStripe, err)
	}
	var expected [][]byte
	for _, s := range secrets {
		if s != "" {
			expected = append(expected, mac([]byte(s), []byte(ts), body))
		}
	}
	if len(expected) == 0 {
		return ErrNoSecret
	}
	if !anyMatch(expected, sigs) {
		return fmt.Errorf("%s: %w", HeaderStripe, ErrBadSignature)
	}
	return checkFresh(signedAt, now)
}

// parseStripe splits the header into its timestamp and its v1 signatures; other schemes
// (v0, test-mode extras) are ignored, as Stripe asks.
func parseStripe(header string) (string, [][]byte, error) {
	var ts string
	var sigs [][]byte
	for item := range strings.SplitSeq(header, ",") {
		key, value, ok := strings.Cut(strings.TrimSpace(item), "=")
		if !ok {
			return "", nil, fmt.Errorf("%w: item %q", ErrMalformedHeader, item)
		}
		switch key {
		case "t":
			if ts != "" {
				return "", nil, fmt.Errorf("%w: repeated t", ErrMalformedHeader)
			}
			ts = value
		case "v1":
			if sig, err := hex.DecodeString(value); err == nil {
				sigs = append(sigs, sig)
			}
		}
	}
	if ts == "" || len(sigs) == 0 {
		return "", nil, fmt.Errorf("%w: need t and a hex v1", ErrMalformedHeader)
	}
	return ts, sigs, nil
}

// SignStripe returns a Stripe-Signature header value for body signed with secret at t.
func SignStripe(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac([]byte(secret), []byte(ts), body))
}

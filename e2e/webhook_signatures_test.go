package e2e

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The tests sign payment webhooks as the providers do (docs/webhooks.md), independently of
// the gateway's own verifier: a delivery passes only where a real provider's would.

// headerStripe carries Stripe's signature.
const headerStripe = "Stripe-Signature"

// hmacSHA256 is HMAC-SHA256 of the parts joined by ".".
func hmacSHA256(key []byte, parts ...string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(strings.Join(parts, ".")))
	return m.Sum(nil)
}

// signStripe is the Stripe-Signature value of body at time at: t=…,v1=hex(HMAC(secret, t.body)).
func signStripe(secret string, at time.Time, body []byte) string {
	ts := strconv.FormatInt(at.Unix(), 10)
	return "t=" + ts + ",v1=" + hex.EncodeToString(hmacSHA256([]byte(secret), ts, string(body)))
}

// signStandard is the Standard Webhooks headers of message id; a whsec_ secret is base64
// after the prefix.
func signStandard(secret, id string, at time.Time, body []byte) (http.Header, error) {
	key := []byte(secret)
	if enc, ok := strings.CutPrefix(secret, "whsec_"); ok {
		var err error
		if key, err = base64.StdEncoding.DecodeString(enc); err != nil {
			return nil, fmt.Errorf("whsec_ secret: bad base64: %w", err)
		}
	}
	ts := strconv.FormatInt(at.Unix(), 10)
	h := http.Header{}
	h.Set("webhook-id", id)
	h.Set("webhook-timestamp", ts)
	h.Set("webhook-signature", "v1,"+base64.StdEncoding.EncodeToString(hmacSHA256(key, id, ts, string(body))))
	return h, nil
}

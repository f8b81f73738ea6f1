package main

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

// The signatures below are the providers' own (docs/webhooks.md): the gateway verifies them
// with the same secrets, so a simulated event passes exactly where a real one would.

// hmacSHA256 is HMAC-SHA256 of the parts joined by ".".
func hmacSHA256(key []byte, parts ...string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(strings.Join(parts, ".")))
	return m.Sum(nil)
}

// stripeSignature is the Stripe-Signature header: t=…,v1=hex(HMAC(secret, t.body)).
func stripeSignature(secret string, t time.Time, body []byte) http.Header {
	ts := strconv.FormatInt(t.Unix(), 10)
	h := http.Header{}
	h.Set("Stripe-Signature", "t="+ts+",v1="+hex.EncodeToString(hmacSHA256([]byte(secret), ts, string(body))))
	return h
}

// standardSignature is the Standard Webhooks headers; a "whsec_" secret is base64 after the prefix.
func standardSignature(secret, id string, t time.Time, body []byte) (http.Header, error) {
	key := []byte(secret)
	if enc, ok := strings.CutPrefix(secret, "whsec_"); ok {
		var err error
		if key, err = base64.StdEncoding.DecodeString(enc); err != nil {
			return nil, fmt.Errorf("generic webhook secret: bad base64 after whsec_: %w", err)
		}
	}
	ts := strconv.FormatInt(t.Unix(), 10)
	h := http.Header{}
	h.Set("webhook-id", id)
	h.Set("webhook-timestamp", ts)
	h.Set("webhook-signature", "v1,"+base64.StdEncoding.EncodeToString(hmacSHA256(key, id, ts, string(body))))
	return h, nil
}

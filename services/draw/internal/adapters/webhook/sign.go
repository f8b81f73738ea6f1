// Package webhook sends outgoing webhooks signed the Standard Webhooks way: webhook-id,
// webhook-timestamp and webhook-signature = "v1," + base64(HMAC-SHA256(secret, id.ts.body)).
package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
)

// Header names of Standard Webhooks.
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// secretPrefix marks a base64 secret ("whsec_…"); any other secret is used as raw bytes.
const secretPrefix = "whsec_"

// Signer signs webhook bodies with one secret.
type Signer struct {
	key []byte
}

// NewSigner returns a signer for secret: "whsec_<base64>" is decoded, anything else
// (including a whsec_ value that is not valid base64) is used as its raw bytes.
func NewSigner(secret string) Signer {
	if rest, ok := strings.CutPrefix(secret, secretPrefix); ok {
		if key, err := base64.StdEncoding.DecodeString(rest); err == nil {
			return Signer{key: key}
		}
	}
	return Signer{key: []byte(secret)}
}

// Sign returns the webhook-signature value for a message id, a Unix timestamp and a body.
func (s Signer) Sign(id string, timestamp int64, body []byte) string {
	mac := hmac.New(sha256.New, s.key)
	mac.Write([]byte(id))
	mac.Write([]byte{'.'})
	mac.Write([]byte(strconv.FormatInt(timestamp, 10)))
	mac.Write([]byte{'.'})
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

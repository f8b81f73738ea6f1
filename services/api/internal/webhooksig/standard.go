package webhooksig

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Standard Webhooks header names.
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// secretPrefix marks a base64-encoded Standard Webhooks secret.
const secretPrefix = "whsec_"

// VerifyStandard checks Standard Webhooks headers against the raw body: some "v1,<base64>"
// entry of webhook-signature must equal base64(HMAC-SHA256(key, id + "." + timestamp + "."
// + body)) for one of secrets, and the timestamp must be within Tolerance of now. It
// returns the webhook-id, on which the caller dedupes. A secret is "whsec_<base64 key>" or,
// without the prefix, the raw key itself.
func VerifyStandard(h http.Header, body []byte, secrets []string, now time.Time) (string, error) {
	id, ts, sigHeader := h.Get(HeaderID), h.Get(HeaderTimestamp), h.Get(HeaderSignature)
	if id == "" || ts == "" || sigHeader == "" {
		return "", fmt.Errorf("standard webhook: %w", ErrMissingHeader)
	}
	signedAt, err := parseTimestamp(ts)
	if err != nil {
		return "", fmt.Errorf("standard webhook: %w", err)
	}
	sigs, err := parseStandard(sigHeader)
	if err != nil {
		return "", fmt.Errorf("standard webhook: %w", err)
	}
	keys, err := standardKeys(secrets)
	if err != nil {
		return "", err
	}
	expected := make([][]byte, 0, len(keys))
	for _, k := range keys {
		expected = append(expected, mac(k, []byte(id), []byte(ts), body))
	}
	if !anyMatch(expected, sigs) {
		return "", fmt.Errorf("standard webhook %s: %w", id, ErrBadSignature)
	}
	if err := checkFresh(signedAt, now); err != nil {
		return "", fmt.Errorf("standard webhook %s: %w", id, err)
	}
	return id, nil
}

// parseStandard returns the v1 signatures of a space-separated "v1,<base64>" list; other
// versions (v1a asymmetric signatures) are ignored.
func parseStandard(header string) ([][]byte, error) {
	var sigs [][]byte
	for entry := range strings.FieldsSeq(header) {
		version, value, ok := strings.Cut(entry, ",")
		if !ok {
			return nil, fmt.Errorf("%w: entry %q", ErrMalformedHeader, entry)
		}
		if version != "v1" {
			continue
		}
		if sig, err := base64.StdEncoding.DecodeString(value); err == nil {
			sigs = append(sigs, sig)
		}
	}
	if len(sigs) == 0 {
		return nil, fmt.Errorf("%w: no base64 v1 signature", ErrMalformedHeader)
	}
	return sigs, nil
}

// standardKeys decodes the HMAC keys of secrets.
func standardKeys(secrets []string) ([][]byte, error) {
	keys := make([][]byte, 0, len(secrets))
	for i, s := range secrets {
		if s == "" {
			continue
		}
		k, err := standardKey(s)
		if err != nil {
			return nil, fmt.Errorf("webhook secret #%d: %w", i+1, err)
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return nil, ErrNoSecret
	}
	return keys, nil
}

// standardKey decodes one secret: "whsec_<base64>" or a raw key.
func standardKey(secret string) ([]byte, error) {
	if secret == "" {
		return nil, ErrNoSecret
	}
	encoded, ok := strings.CutPrefix(secret, secretPrefix)
	if !ok {
		return []byte(secret), nil
	}
	k, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil || len(k) == 0 {
		return nil, fmt.Errorf("%w: bad base64 after %s", ErrNoSecret, secretPrefix)
	}
	return k, nil
}

// SignStandard returns the Standard Webhooks headers signing body as event id at t with
// secret (in either form VerifyStandard accepts).
func SignStandard(secret, id string, t time.Time, body []byte) (http.Header, error) {
	key, err := standardKey(secret)
	if err != nil {
		return nil, fmt.Errorf("sign webhook %s: %w", id, err)
	}
	ts := strconv.FormatInt(t.Unix(), 10)
	sig := base64.StdEncoding.EncodeToString(mac(key, []byte(id), []byte(ts), body))
	h := http.Header{}
	h.Set(HeaderID, id)
	h.Set(HeaderTimestamp, ts)
	h.Set(HeaderSignature, "v1,"+sig)
	return h, nil
}

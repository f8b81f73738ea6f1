package webhooksig

import (
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"
)

const (
	// whsec_ form of the key "tickup-standard-key".
	stdSecret = "whsec_dGlja3VwLXN0YW5kYXJkLWtleQ=="
	// HMAC-SHA256("tickup-standard-key", `msg_1.1700000000.{"a":1}`), computed with openssl.
	stdVector = "x3MhwB5TQGB9jpaiifOYQNQLU2TeTjBVifQw4oC5+Kk="
)

func TestVerifyStandard(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_800_000_000, 0)
	body := []byte(`{"id":"evt_1","type":"payment.succeeded"}`)
	sign := func(secret string, at time.Time) http.Header {
		h, err := SignStandard(secret, "msg_1", at, body)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	edit := func(h http.Header, key, value string) http.Header {
		h = h.Clone()
		if value == "" {
			h.Del(key)
		} else {
			h.Set(key, value)
		}
		return h
	}
	valid := sign(stdSecret, now)
	validSig := valid.Get(HeaderSignature)
	tests := []struct {
		name    string
		header  http.Header
		body    []byte
		secrets []string
		want    error
	}{
		{"valid", valid, body, []string{stdSecret}, nil},
		{"rotated: second secret", sign("whsec_b2xkLWtleQ==", now), body, []string{stdSecret, "whsec_b2xkLWtleQ=="}, nil},
		{"raw secret", sign("plain-key", now), body, []string{"plain-key"}, nil},
		{"several signatures, one good", edit(valid, HeaderSignature, "v1,AAAA "+validSig), body, []string{stdSecret}, nil},
		{"other versions ignored", edit(valid, HeaderSignature, "v1a,Zm9v "+validSig), body, []string{stdSecret}, nil},
		{"tampered body", valid, []byte(`{"id":"evt_1","type":"payment.failed"}`), []string{stdSecret}, ErrBadSignature},
		{"wrong secret", valid, body, []string{"whsec_b3RoZXI="}, ErrBadSignature},
		{"raw secret is not the encoded key", valid, body, []string{"dGlja3VwLXN0YW5kYXJkLWtleQ=="}, ErrBadSignature},
		{"other id", edit(valid, HeaderID, "msg_2"), body, []string{stdSecret}, ErrBadSignature},
		{"stale", sign(stdSecret, now.Add(-Tolerance-time.Second)), body, []string{stdSecret}, ErrStale},
		{"future", sign(stdSecret, now.Add(Tolerance+time.Second)), body, []string{stdSecret}, ErrStale},
		{"no id", edit(valid, HeaderID, ""), body, []string{stdSecret}, ErrMissingHeader},
		{"no timestamp", edit(valid, HeaderTimestamp, ""), body, []string{stdSecret}, ErrMissingHeader},
		{"no signature", edit(valid, HeaderSignature, ""), body, []string{stdSecret}, ErrMissingHeader},
		{"timestamp not a number", edit(valid, HeaderTimestamp, "now"), body, []string{stdSecret}, ErrMalformedHeader},
		{"signature without version", edit(valid, HeaderSignature, "AAAA"), body, []string{stdSecret}, ErrMalformedHeader},
		{"signature not base64", edit(valid, HeaderSignature, "v1,@@@"), body, []string{stdSecret}, ErrMalformedHeader},
		{"only v1a", edit(valid, HeaderSignature, "v1a,Zm9v"), body, []string{stdSecret}, ErrMalformedHeader},
		{"bad whsec secret", valid, body, []string{"whsec_@@"}, ErrNoSecret},
		{"no secrets", valid, body, nil, ErrNoSecret},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			id, err := VerifyStandard(tc.header, tc.body, tc.secrets, now)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("VerifyStandard = %v, want %v", err, tc.want)
			}
			if wantID := map[bool]string{true: "msg_1"}[err == nil]; id != wantID {
				t.Errorf("id = %q, want %q", id, wantID)
			}
		})
	}
}

func TestSignStandard(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		secret  string
		wantSig string
		wantErr bool
	}{
		{name: "known vector", secret: stdSecret, wantSig: "v1," + stdVector},
		{name: "bad base64", secret: "whsec_!!", wantErr: true},
		{name: "empty secret", secret: "", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			h, err := SignStandard(tc.secret, "msg_1", time.Unix(1_700_000_000, 0), []byte(`{"a":1}`))
			if (err != nil) != tc.wantErr {
				t.Fatalf("SignStandard error = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			ts := strconv.FormatInt(1_700_000_000, 10)
			if h.Get(HeaderSignature) != tc.wantSig || h.Get(HeaderID) != "msg_1" || h.Get(HeaderTimestamp) != ts {
				t.Errorf("headers = %v, want signature %q", h, tc.wantSig)
			}
		})
	}
}

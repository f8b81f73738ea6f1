package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

const tokenTestSecret = "tickup-token-test-secret-0123456789abcdef"

// runToken runs `tickup token args…` in process and returns stdout, stderr and the error.
func runToken(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	root := newRoot()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(append([]string{"token"}, args...))
	err := root.Execute()
	return out.String(), errOut.String(), err
}

// verifyHS256 checks token's signature with secret, independently of any JWT library,
// and returns its claims.
func verifyHS256(t *testing.T, token, secret string) map[string]any {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token %q has %d parts", token, len(parts))
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(parts[0] + "." + parts[1]))
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil || !hmac.Equal(sig, mac.Sum(nil)) {
		t.Fatalf("signature does not verify with the secret")
	}
	var header, claims map[string]any
	decodePart(t, parts[0], &header)
	decodePart(t, parts[1], &claims)
	if header["alg"] != "HS256" {
		t.Fatalf("alg = %v", header["alg"])
	}
	return claims
}

func decodePart(t *testing.T, part string, dst any) {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(part)
	if err != nil || json.Unmarshal(raw, dst) != nil {
		t.Fatalf("undecodable token part %q", part)
	}
}

func TestTokenPrintsAVerifiableToken(t *testing.T) {
	t.Setenv("SUPABASE_JWT", tokenTestSecret)
	t.Setenv("DATABASE_URL", "") // the command needs no database
	t.Setenv("TICKUP_DATABASE_URL", "")
	const user = "0190a7e2-0000-7000-8000-000000000001"
	tests := []struct {
		name      string
		args      []string
		role      string // the role claim
		appRole   string // app_metadata.role
		ttl       time.Duration
		wantEmail string
	}{
		{"user by default", []string{"--user", user, "--email", "ann@example.com"}, "authenticated", "", time.Hour, "ann@example.com"},
		{"role user", []string{"--user", user, "--role", "user"}, "authenticated", "", time.Hour, ""},
		{"role admin", []string{"--user", user, "--role", "admin", "--ttl", "10m"}, "authenticated", "admin", 10 * time.Minute, ""},
		{"role service_role", []string{"--user", user, "--role", "service_role"}, "service_role", "", time.Hour, ""},
		{"--admin alias", []string{"--user", user, "--admin", "--ttl", "10m"}, "authenticated", "admin", 10 * time.Minute, ""},
		{"--service alias", []string{"--user", user, "--service"}, "service_role", "", time.Hour, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runToken(t, tc.args...)
			if err != nil {
				t.Fatalf("token: %v", err)
			}
			if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "\n") {
				t.Fatalf("stdout %q is not the token alone on one line", out)
			}
			c := verifyHS256(t, strings.TrimSpace(out), tokenTestSecret)
			exp := time.Unix(int64(c["exp"].(float64)), 0)
			app, _ := c["app_metadata"].(map[string]any)
			if c["sub"] != user || !audienceIs(c["aud"], "authenticated") || c["role"] != tc.role || (app["role"] != nil) != (tc.appRole != "") {
				t.Errorf("claims %v", c)
			}
			if email, _ := c["email"].(string); email != tc.wantEmail {
				t.Errorf("email %q, want %q", email, tc.wantEmail)
			}
			if d := time.Until(exp) - tc.ttl; d > 5*time.Second || d < -5*time.Second {
				t.Errorf("expires at %v, want in %s", exp, tc.ttl)
			}
		})
	}
}

func TestTokenRefusesBadInput(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	t.Setenv("TICKUP_DATABASE_URL", "")
	t.Setenv("SUPABASE_JWT", tokenTestSecret)
	tests := []struct {
		name string
		env  string // SUPABASE_JWT
		args []string
		want string
	}{
		{"no secret", "", []string{"--user", "0190a7e2-0000-7000-8000-000000000001"}, "SUPABASE_JWT"},
		{"no user", tokenTestSecret, nil, "user"},
		{"user not a UUID", tokenTestSecret, []string{"--user", "ann"}, "not a UUID"},
		{"admin and service", tokenTestSecret, []string{"--user", "0190a7e2-0000-7000-8000-000000000001", "--admin", "--service"}, "admin"},
		{"role and an alias", tokenTestSecret, []string{"--user", "0190a7e2-0000-7000-8000-000000000001", "--role", "user", "--admin"}, "role"},
		{"unknown role", tokenTestSecret, []string{"--user", "0190a7e2-0000-7000-8000-000000000001", "--role", "root"}, "user, admin or service_role"},
		{"role service, not service_role", tokenTestSecret, []string{"--user", "0190a7e2-0000-7000-8000-000000000001", "--role", "service"}, "service_role"},
		{"negative ttl", tokenTestSecret, []string{"--user", "0190a7e2-0000-7000-8000-000000000001", "--ttl", "-1h"}, "ttl"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("SUPABASE_JWT", tc.env)
			out, _, err := runToken(t, tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) || out != "" {
				t.Errorf("err %v (want it to mention %q), stdout %q", err, tc.want, out)
			}
		})
	}
}

// audienceIs reports whether aud (a string or a list, as JWT allows) is exactly want.
func audienceIs(aud any, want string) bool {
	switch a := aud.(type) {
	case string:
		return a == want
	case []any:
		return len(a) == 1 && a[0] == want
	}
	return false
}

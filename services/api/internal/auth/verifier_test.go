package auth

import (
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"tickup.dev/services/api/internal/problem"
)

// result is what /me and friends answer.
type result struct {
	OK     bool   `json:"ok"`
	UserID string `json:"user_id"`
	Email  string `json:"email"`
	Role   Role   `json:"role"`
}

func TestRequired(t *testing.T) {
	t.Parallel()
	rsaKey, otherRSA, ecKey := newRSAKey(t), newRSAKey(t), newECKey(t)
	jwks := newJWKSServer(t, rsaJWK("rsa-1", &rsaKey.PublicKey), ecJWK("ec-1", ecKey))
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	v, err := NewVerifier(Config{HS256Secret: testSecret, JWKSURL: jwks.URL, Issuer: testIssuer, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	engine := newEngine(v)
	now := clk.Now()
	pubDER, err := x509.MarshalPKIXPublicKey(&rsaKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pubPEM := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pubDER})
	hs := func(edit func(jwt.MapClaims)) string {
		return sign(t, jwt.SigningMethodHS256, []byte(testSecret), "", claimsAt(now, edit))
	}
	set := func(k string, val any) func(jwt.MapClaims) { return func(c jwt.MapClaims) { c[k] = val } }
	tests := []struct {
		name   string
		path   string
		header string // full Authorization header; "" sends none
		status int
		role   Role
	}{
		{"valid HS256", "/me", "Bearer " + hs(nil), 200, RoleUser},
		{"scheme is case-insensitive", "/me", "bearer " + hs(nil), 200, RoleUser},
		{"audience as array", "/me", "Bearer " + hs(set("aud", []string{"other", "authenticated"})), 200, RoleUser},
		{"valid RS256", "/me", "Bearer " + sign(t, jwt.SigningMethodRS256, rsaKey, "rsa-1", claimsAt(now, nil)), 200, RoleUser},
		{"valid ES256", "/me", "Bearer " + sign(t, jwt.SigningMethodES256, ecKey, "ec-1", claimsAt(now, nil)), 200, RoleUser},
		{"admin on admin route", "/admin", "Bearer " + hs(set("app_metadata", map[string]any{"role": "admin"})), 200, RoleAdmin},
		{"service on ops route", "/ops", "Bearer " + hs(set("role", "service_role")), 200, RoleService},
		{"user on admin route", "/admin", "Bearer " + hs(nil), 403, ""},
		{"user on ops route", "/ops", "Bearer " + hs(nil), 403, ""},
		{"user_metadata role is not admin", "/admin", "Bearer " + hs(set("user_metadata", map[string]any{"role": "admin"})), 403, ""},
		{"expired within leeway", "/me", "Bearer " + hs(set("exp", now.Add(-10*time.Second).Unix())), 200, RoleUser},
		{"expired", "/me", "Bearer " + hs(set("exp", now.Add(-time.Minute).Unix())), 401, ""},
		{"no exp", "/me", "Bearer " + hs(func(c jwt.MapClaims) { delete(c, "exp") }), 401, ""},
		{"nbf in future", "/me", "Bearer " + hs(set("nbf", now.Add(time.Minute).Unix())), 401, ""},
		{"wrong audience", "/me", "Bearer " + hs(set("aud", "anon")), 401, ""},
		{"no audience", "/me", "Bearer " + hs(func(c jwt.MapClaims) { delete(c, "aud") }), 401, ""},
		{"wrong issuer", "/me", "Bearer " + hs(set("iss", "https://evil.example/auth/v1")), 401, ""},
		{"no sub", "/me", "Bearer " + hs(func(c jwt.MapClaims) { delete(c, "sub") }), 401, ""},
		{"sub not a UUID", "/me", "Bearer " + hs(set("sub", "admin")), 401, ""},
		{"wrong HS256 secret", "/me", "Bearer " + sign(t, jwt.SigningMethodHS256, []byte("not-the-secret"), "", claimsAt(now, nil)), 401, ""},
		{"RS256 by another key", "/me", "Bearer " + sign(t, jwt.SigningMethodRS256, otherRSA, "rsa-1", claimsAt(now, nil)), 401, ""},
		{"RS256 naming the EC key", "/me", "Bearer " + sign(t, jwt.SigningMethodRS256, rsaKey, "ec-1", claimsAt(now, nil)), 401, ""},
		{"unknown kid", "/me", "Bearer " + sign(t, jwt.SigningMethodRS256, rsaKey, "rsa-9", claimsAt(now, nil)), 401, ""},
		{"alg none", "/me", "Bearer " + sign(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, "", claimsAt(now, nil)), 401, ""},
		{"key confusion", "/me", "Bearer " + sign(t, jwt.SigningMethodHS256, pubPEM, "rsa-1", claimsAt(now, nil)), 401, ""},
		{"HS384", "/me", "Bearer " + sign(t, jwt.SigningMethodHS384, []byte(testSecret), "", claimsAt(now, nil)), 401, ""},
		{"garbage token", "/me", "Bearer not.a.jwt", 401, ""},
		{"basic auth", "/me", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", 401, ""},
		{"empty bearer", "/me", "Bearer ", 401, ""},
		{"no header", "/me", "", 401, ""},
		{"optional without token", "/maybe", "", 200, ""},
		{"optional with token", "/maybe", "Bearer " + hs(nil), 200, RoleUser},
		{"optional with bad token", "/maybe", "Bearer " + hs(set("aud", "anon")), 401, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := get(engine, tc.path, tc.header)
			checkAnswer(t, rec, tc.status, tc.role)
		})
	}
}

// get sends GET path with the given Authorization header.
func get(engine http.Handler, path, authorization string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	rec := httptest.NewRecorder()
	engine.ServeHTTP(rec, req)
	return rec
}

// checkAnswer checks a 200 identity answer or a problem answer of the given status.
func checkAnswer(t *testing.T, rec *httptest.ResponseRecorder, status int, role Role) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status = %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	if status == http.StatusOK {
		var got result
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if got.Role != role || (role != "" && (got.UserID != testUser || got.Email != "ann@example.com" || !got.OK)) {
			t.Errorf("identity = %+v, want role %q of %s", got, role, testUser)
		}
		return
	}
	if ct := rec.Header().Get("Content-Type"); ct != problem.ContentType {
		t.Errorf("Content-Type = %q", ct)
	}
	var p problem.Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != status || p.RequestID == "" {
		t.Errorf("problem = %+v (%v)", p, err)
	}
	wantChallenge := status == http.StatusUnauthorized
	if got := rec.Header().Get("WWW-Authenticate"); (got != "") != wantChallenge {
		t.Errorf("WWW-Authenticate = %q, want present %v", got, wantChallenge)
	}
}

package auth

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestMint(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(Config{HS256Secret: testSecret})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		secret  string
		user    string
		role    Role
		ttl     time.Duration
		wantErr bool
	}{
		{name: "user", secret: testSecret, user: testUser, role: RoleUser, ttl: time.Hour},
		{name: "admin", secret: testSecret, user: testUser, role: RoleAdmin, ttl: time.Minute},
		{name: "service", secret: testSecret, user: testUser, role: RoleService, ttl: time.Hour},
		{name: "no secret", user: testUser, role: RoleUser, ttl: time.Hour, wantErr: true},
		{name: "user id not a UUID", secret: testSecret, user: "bob", role: RoleUser, ttl: time.Hour, wantErr: true},
		{name: "unknown role", secret: testSecret, user: testUser, role: "root", ttl: time.Hour, wantErr: true},
		{name: "no ttl", secret: testSecret, user: testUser, role: RoleUser, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			token, err := Mint(tc.secret, tc.user, "ann@example.com", tc.role, tc.ttl)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Mint error = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			id, err := v.Verify(context.Background(), token)
			want := Identity{UserID: tc.user, Email: "ann@example.com", Role: tc.role}
			if err != nil || id != want {
				t.Errorf("Verify = %+v, %v; want %+v", id, err, want)
			}
		})
	}
}

// TestJWKSOnly checks that without a shared secret no HS256 token passes, whatever key
// signed it, and that a config without any key source is refused.
func TestJWKSOnly(t *testing.T) {
	t.Parallel()
	rsaKey := newRSAKey(t)
	jwks := newJWKSServer(t, rsaJWK("rsa-1", &rsaKey.PublicKey))
	v, err := NewVerifier(Config{JWKSURL: jwks.URL})
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(&rsaKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pemKey := pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
	now := time.Now()
	tests := []struct {
		name  string
		token string
		ok    bool
	}{
		{"RS256", sign(t, jwt.SigningMethodRS256, rsaKey, "rsa-1", claimsAt(now, nil)), true},
		{"HS256 with PEM", sign(t, jwt.SigningMethodHS256, pemKey, "rsa-1", claimsAt(now, nil)), false},
		{"HS256 with DER", sign(t, jwt.SigningMethodHS256, der, "rsa-1", claimsAt(now, nil)), false},
		{"HS256 with empty secret", sign(t, jwt.SigningMethodHS256, []byte(""), "", claimsAt(now, nil)), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := v.Verify(context.Background(), tc.token)
			if (err == nil) != tc.ok {
				t.Errorf("Verify error = %v, want ok %v", err, tc.ok)
			}
		})
	}
	if _, err := NewVerifier(Config{}); err == nil {
		t.Error("NewVerifier accepted a config with no key source")
	}
}

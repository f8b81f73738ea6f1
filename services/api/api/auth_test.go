package api

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"tickup.dev/services/api/internal/problem"
)

const (
	testIssuer = "https://tickup-test.supabase.co/auth/v1"
	testKID    = "tickup-test-key"
)

// TestTokensThroughTheRouter sends every kind of token to GET /api/v1/users/me: only the
// valid HS256 token and the valid RS256 token (key from a JWKS the test serves) get in.
func TestTokensThroughTheRouter(t *testing.T) {
	t.Parallel()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	jwks := serveJWKS(t, &key.PublicKey)
	g := startGateway(t, func(s *setup) {
		s.env = append(s.env, "TICKUP_JWKS_URL="+jwks.URL, "TICKUP_JWT_ISSUER="+testIssuer)
	})
	user := uuid.NewString()
	pubPEM := publicKeyPEM(t, &key.PublicKey)
	tests := []struct {
		name   string
		token  string
		status int
	}{
		{"valid HS256", signed(t, jwt.SigningMethodHS256, []byte(testSecret), claims(user, nil)), http.StatusOK},
		{"valid RS256 from the JWKS", signed(t, jwt.SigningMethodRS256, key, claims(user, nil)), http.StatusOK},
		{"expired", signed(t, jwt.SigningMethodHS256, []byte(testSecret), claims(user, func(c jwt.MapClaims) {
			c["exp"] = time.Now().Add(-time.Hour).Unix()
		})), http.StatusUnauthorized},
		{"wrong audience", signed(t, jwt.SigningMethodHS256, []byte(testSecret), claims(user, func(c jwt.MapClaims) {
			c["aud"] = "anon"
		})), http.StatusUnauthorized},
		{"wrong issuer", signed(t, jwt.SigningMethodHS256, []byte(testSecret), claims(user, func(c jwt.MapClaims) {
			c["iss"] = "https://elsewhere.example/auth/v1"
		})), http.StatusUnauthorized},
		{"wrong signature", signed(t, jwt.SigningMethodHS256, []byte("another-secret-of-enough-length-1234"), claims(user, nil)), http.StatusUnauthorized},
		{"alg none", signed(t, jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, claims(user, nil)), http.StatusUnauthorized},
		{"HS256 signed with the RSA public key", signed(t, jwt.SigningMethodHS256, pubPEM, claims(user, nil)), http.StatusUnauthorized},
		{"sub not a UUID", signed(t, jwt.SigningMethodHS256, []byte(testSecret), claims("service-account", nil)), http.StatusUnauthorized},
		{"garbage", "not.a.token", http.StatusUnauthorized},
		{"none", "", http.StatusUnauthorized},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := g.do(t, http.MethodGet, "/api/v1/users/me", tc.token, nil)
			if tc.status == http.StatusUnauthorized {
				r.problem(t, http.StatusUnauthorized, problem.SlugUnauthorized)
				if r.Header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
				return
			}
			var me struct {
				UserID string `json:"user_id"`
			}
			r.decode(t, tc.status, &me)
			if me.UserID != user {
				t.Errorf("user_id = %q, want %q", me.UserID, user)
			}
		})
	}
}

// claims returns valid Supabase-style claims for sub; edit may spoil them.
func claims(sub string, edit func(jwt.MapClaims)) jwt.MapClaims {
	now := time.Now()
	c := jwt.MapClaims{"sub": sub, "email": "ann@example.com", "aud": "authenticated", "iss": testIssuer,
		"role": "authenticated", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
	if edit != nil {
		edit(c)
	}
	return c
}

// signed signs c with method and key, naming the test's kid.
func signed(t *testing.T, method jwt.SigningMethod, key any, c jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, c)
	tok.Header["kid"] = testKID
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// serveJWKS serves a JWKS holding pub under testKID.
func serveJWKS(t *testing.T, pub *rsa.PublicKey) *httptest.Server {
	t.Helper()
	b64 := base64.RawURLEncoding.EncodeToString
	doc, _ := json.Marshal(map[string]any{"keys": []map[string]string{{
		"kty": "RSA", "kid": testKID, "use": "sig", "alg": "RS256",
		"n": b64(pub.N.Bytes()), "e": b64(big.NewInt(int64(pub.E)).Bytes()),
	}}})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(doc)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// publicKeyPEM is the PEM text of pub, the "secret" of a key-confusion attack.
func publicKeyPEM(t *testing.T, pub *rsa.PublicKey) []byte {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

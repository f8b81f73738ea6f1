package auth

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"

	"tickup.dev/services/api/internal/problem"
)

const (
	testSecret = "tickup-test-secret-of-at-least-32-bytes"
	testIssuer = "https://project.supabase.co/auth/v1"
	testUser   = "0190a7e2-0000-7000-8000-000000000001"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

// clock is a settable time source.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// jwksServer serves a replaceable JWKS and counts fetches.
type jwksServer struct {
	*httptest.Server
	mu      sync.Mutex
	doc     jwkSet
	status  int
	cache   string // Cache-Control of the answers
	fetches atomic.Int32
}

func newJWKSServer(t *testing.T, keys ...jwk) *jwksServer {
	t.Helper()
	s := &jwksServer{doc: jwkSet{Keys: keys}, status: http.StatusOK}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		s.fetches.Add(1)
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.cache != "" {
			w.Header().Set("Cache-Control", s.cache)
		}
		w.WriteHeader(s.status)
		_ = json.NewEncoder(w).Encode(s.doc)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *jwksServer) set(status int, keys ...jwk) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.doc = status, jwkSet{Keys: keys}
}

// cacheControl sets the Cache-Control header of the answers.
func (s *jwksServer) cacheControl(value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache = value
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func rsaJWK(kid string, key *rsa.PublicKey) jwk {
	return jwk{Kty: "RSA", Kid: kid, Use: "sig", N: b64(key.N.Bytes()), E: b64(big.NewInt(int64(key.E)).Bytes())}
}

func ecJWK(kid string, key *ecdsa.PrivateKey) jwk {
	point, err := key.PublicKey.Bytes() // 0x04 || X || Y
	if err != nil {
		panic(err)
	}
	return jwk{Kty: "EC", Kid: kid, Alg: "ES256", Crv: "P-256", X: b64(point[1:33]), Y: b64(point[33:])}
}

func newRSAKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func newECKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// claimsAt returns valid user claims relative to now; edit lets a case spoil them.
func claimsAt(now time.Time, edit func(jwt.MapClaims)) jwt.MapClaims {
	c := jwt.MapClaims{
		"sub": testUser, "email": "ann@example.com", "aud": "authenticated", "iss": testIssuer,
		"role": "authenticated", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix(),
	}
	if edit != nil {
		edit(c)
	}
	return c
}

// sign signs c with method and key, naming kid when set.
func sign(t *testing.T, method jwt.SigningMethod, key any, kid string, c jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(method, c)
	if kid != "" {
		tok.Header["kid"] = kid
	}
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// newEngine routes /me (Required), /maybe (Optional), /admin and /ops behind v.
func newEngine(v *Verifier) *gin.Engine {
	engine := gin.New()
	engine.Use(problem.RequestID())
	me := func(c *gin.Context) {
		id, ok := FromContext(c)
		c.JSON(http.StatusOK, gin.H{"ok": ok, "user_id": id.UserID, "email": id.Email, "role": id.Role})
	}
	engine.GET("/me", Required(v), me)
	engine.GET("/maybe", Optional(v), me)
	engine.GET("/admin", Required(v), RequireAdmin(), me)
	engine.GET("/ops", Required(v), RequireServiceOrAdmin(), me)
	return engine
}

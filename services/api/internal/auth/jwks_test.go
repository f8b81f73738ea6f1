package auth

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestJWKSRotation(t *testing.T) {
	t.Parallel()
	keyA, keyB, keyC := newRSAKey(t), newECKey(t), newRSAKey(t)
	jwks := newJWKSServer(t, rsaJWK("a", &keyA.PublicKey))
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	v, err := NewVerifier(Config{JWKSURL: jwks.URL, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	token := func(method jwt.SigningMethod, key any, kid string) string {
		return sign(t, method, key, kid, claimsAt(clk.Now(), nil))
	}
	steps := []struct {
		name    string
		rotate  bool          // the server starts serving keys a and b
		advance time.Duration // before the step
		token   string
		ok      bool
		fetches int32 // total after the step
	}{
		{name: "first use fetches", token: token(jwt.SigningMethodRS256, keyA, "a"), ok: true, fetches: 1},
		{name: "known kid is cached", token: token(jwt.SigningMethodRS256, keyA, "a"), ok: true, fetches: 1},
		{name: "new kid too soon", rotate: true, token: token(jwt.SigningMethodES256, keyB, "b"), fetches: 1},
		{name: "new kid refreshes", advance: 31 * time.Second, token: token(jwt.SigningMethodES256, keyB, "b"), ok: true, fetches: 2},
		{name: "old key still served", token: token(jwt.SigningMethodRS256, keyA, "a"), ok: true, fetches: 2},
		{name: "unknown kid is rate limited", token: token(jwt.SigningMethodRS256, keyC, "c"), fetches: 2},
		{name: "unknown kid later refetches", advance: 31 * time.Second, token: token(jwt.SigningMethodRS256, keyC, "c"), fetches: 3},
	}
	for _, s := range steps {
		if s.rotate {
			jwks.set(http.StatusOK, rsaJWK("a", &keyA.PublicKey), ecJWK("b", keyB))
		}
		clk.Advance(s.advance)
		_, err := v.Verify(context.Background(), s.token)
		if (err == nil) != s.ok || jwks.fetches.Load() != s.fetches {
			t.Fatalf("%s: err %v, fetches %d; want ok %v, fetches %d", s.name, err, jwks.fetches.Load(), s.ok, s.fetches)
		}
	}
}

func TestJWKSConcurrentRefresh(t *testing.T) {
	t.Parallel()
	key := newECKey(t)
	jwks := newJWKSServer(t, ecJWK("k", key))
	v, err := NewVerifier(Config{JWKSURL: jwks.URL})
	if err != nil {
		t.Fatal(err)
	}
	token := sign(t, jwt.SigningMethodES256, key, "k", claimsAt(time.Now(), nil))
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Go(func() {
			_, err := v.Verify(context.Background(), token)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := jwks.fetches.Load(); n != 1 {
		t.Errorf("fetches = %d, want 1", n)
	}
}

func TestJWKSUnavailable(t *testing.T) {
	t.Parallel()
	key := newECKey(t)
	jwks := newJWKSServer(t)
	jwks.set(http.StatusInternalServerError)
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	v, err := NewVerifier(Config{JWKSURL: jwks.URL, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	engine := newEngine(v)
	header := "Bearer " + sign(t, jwt.SigningMethodES256, key, "k", claimsAt(clk.Now(), nil))
	checkAnswer(t, get(engine, "/me", header), http.StatusServiceUnavailable, "")
	checkAnswer(t, get(engine, "/me", header), http.StatusServiceUnavailable, "")
	if n := jwks.fetches.Load(); n != 1 {
		t.Errorf("fetches while down = %d, want 1", n)
	}
	jwks.set(http.StatusOK, ecJWK("k", key))
	clk.Advance(time.Minute)
	header = "Bearer " + sign(t, jwt.SigningMethodES256, key, "k", claimsAt(clk.Now(), nil))
	checkAnswer(t, get(engine, "/me", header), http.StatusOK, RoleUser)
	if _, err := v.Verify(context.Background(), "x.y.z"); errors.Is(err, ErrKeysUnavailable) {
		t.Errorf("garbage token reported as %v", err)
	}
}

func TestJWKUsable(t *testing.T) {
	t.Parallel()
	rsaKey, ecKey := newRSAKey(t), newECKey(t)
	good := rsaJWK("r", &rsaKey.PublicKey)
	short := good
	short.N = b64(append([]byte{0x80}, bytes.Repeat([]byte{1}, 127)...)) // 1024 bits
	tests := []struct {
		name string
		key  jwk
		ok   bool
	}{
		{"rsa", good, true},
		{"ec", ecJWK("e", ecKey), true},
		{"no kid", jwk{Kty: good.Kty, N: good.N, E: good.E}, false},
		{"encryption key", jwk{Kty: good.Kty, Kid: "r", Use: "enc", N: good.N, E: good.E}, false},
		{"short rsa", short, false},
		{"even exponent", jwk{Kty: "RSA", Kid: "r", N: good.N, E: b64([]byte{4})}, false},
		{"bad base64", jwk{Kty: "RSA", Kid: "r", N: "!!", E: good.E}, false},
		{"other curve", func() jwk { k := ecJWK("e", ecKey); k.Crv = "P-384"; return k }(), false},
		{"point off curve", func() jwk { k := ecJWK("e", ecKey); k.Y = k.X; return k }(), false},
		{"okp", jwk{Kty: "OKP", Kid: "o", Crv: "Ed25519", X: b64(make([]byte, 32))}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := jwkSet{Keys: []jwk{tc.key}}.usable()
			if (len(got) == 1) != tc.ok {
				t.Errorf("usable = %v, want ok %v", got, tc.ok)
			}
		})
	}
}

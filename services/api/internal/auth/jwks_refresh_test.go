package auth

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TestJWKSRefreshDropsRemovedKeys: a key removed from the JWKS stops verifying tokens once
// the fetched set expires (its Cache-Control max-age), though its kid is still "known".
func TestJWKSRefreshDropsRemovedKeys(t *testing.T) {
	t.Parallel()
	keyA, keyB := newRSAKey(t), newECKey(t)
	jwks := newJWKSServer(t, rsaJWK("a", &keyA.PublicKey))
	jwks.cacheControl("public, max-age=60")
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	v, err := NewVerifier(Config{JWKSURL: jwks.URL, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	verify := func(method jwt.SigningMethod, key any, kid string) error {
		_, err := v.Verify(context.Background(), sign(t, method, key, kid, claimsAt(clk.Now(), nil)))
		return err
	}
	if err := verify(jwt.SigningMethodRS256, keyA, "a"); err != nil {
		t.Fatalf("key a before removal: %v", err)
	}
	jwks.set(http.StatusOK, ecJWK("b", keyB)) // a is revoked, b replaces it
	clk.Advance(59 * time.Second)
	if err := verify(jwt.SigningMethodRS256, keyA, "a"); err != nil || jwks.fetches.Load() != 1 {
		t.Fatalf("within max-age: err %v, fetches %d; want the cached key a and 1 fetch", err, jwks.fetches.Load())
	}
	clk.Advance(2 * time.Second)
	if err := verify(jwt.SigningMethodRS256, keyA, "a"); err == nil {
		t.Fatal("key a still verifies after it left the JWKS and the set expired")
	}
	if err := verify(jwt.SigningMethodES256, keyB, "b"); err != nil || jwks.fetches.Load() != 2 {
		t.Fatalf("key b: err %v, fetches %d; want ok after 2 fetches", err, jwks.fetches.Load())
	}
}

// TestJWKSRefreshSchedule: how long a fetched set is used, from its Cache-Control header
// and the configured ceiling; a failing endpoint keeps the last good keys.
func TestJWKSRefreshSchedule(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		cacheControl string
		maxAge       time.Duration // Config.JWKSMaxAge; 0 for the default
		stillCached  time.Duration // a known kid is not refetched this long after the fetch
		refetched    time.Duration // but is by then
	}{
		{"no header: the default ceiling of 10 minutes", "", 0, 9 * time.Minute, 10*time.Minute + time.Second},
		{"a shorter max-age wins", "max-age=120", 0, 119 * time.Second, 121 * time.Second},
		{"a longer max-age is capped", "public, max-age=86400", 0, 9 * time.Minute, 10*time.Minute + time.Second},
		{"a configured ceiling", "max-age=3600", 5 * time.Minute, 4 * time.Minute, 5*time.Minute + time.Second},
		{"no-store: refetched after the minimum interval", "no-store", 0, 29 * time.Second, 31 * time.Second},
		{"unreadable max-age", "max-age=soon", 0, 29 * time.Second, 31 * time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			key := newECKey(t)
			jwks := newJWKSServer(t, ecJWK("k", key))
			jwks.cacheControl(tc.cacheControl)
			start := time.Unix(1_800_000_000, 0)
			clk := &clock{now: start}
			v, err := NewVerifier(Config{JWKSURL: jwks.URL, Now: clk.Now, JWKSMaxAge: tc.maxAge})
			if err != nil {
				t.Fatal(err)
			}
			verifyAt := func(after time.Duration, fetches int32) {
				t.Helper()
				clk.Advance(start.Add(after).Sub(clk.Now()))
				_, err := v.Verify(context.Background(), sign(t, jwt.SigningMethodES256, key, "k", claimsAt(clk.Now(), nil)))
				if err != nil || jwks.fetches.Load() != fetches {
					t.Fatalf("at +%s: err %v, fetches %d; want ok and %d", after, err, jwks.fetches.Load(), fetches)
				}
			}
			verifyAt(0, 1)
			verifyAt(tc.stillCached, 1)
			jwks.set(http.StatusServiceUnavailable)
			verifyAt(tc.refetched, 2) // the endpoint is down: the last good keys still serve
		})
	}
}

// TestJWKSExpiredSetIsRefetchedOnceUnderLoad: when the set expires under concurrent
// requests, one of them refetches and none fails.
func TestJWKSExpiredSetIsRefetchedOnceUnderLoad(t *testing.T) {
	t.Parallel()
	key := newECKey(t)
	jwks := newJWKSServer(t, ecJWK("k", key))
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	v, err := NewVerifier(Config{JWKSURL: jwks.URL, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	token := sign(t, jwt.SigningMethodES256, key, "k", claimsAt(clk.Now(), nil))
	if _, err := v.Verify(context.Background(), token); err != nil {
		t.Fatal(err)
	}
	clk.Advance(DefaultJWKSMaxAge + time.Second)
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for range 50 {
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
	if n := jwks.fetches.Load(); n != 2 {
		t.Errorf("fetches = %d, want 2 (the first and one refresh)", n)
	}
}

package auth

import (
	"context"
	"crypto"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// maxJWKSBytes bounds the JWKS document read from the network.
const maxJWKSBytes = 1 << 20

// publicKey is one usable JWKS entry.
type publicKey struct {
	alg string // the JWK's alg, "" when it names none
	key crypto.PublicKey
}

// keySet is a lazily fetched, cached JWKS. The set is used until it expires (its
// Cache-Control max-age, at most cfg.JWKSMaxAge), then fetched again, so a key removed
// from the JWKS stops verifying tokens within that time. A token naming an unknown kid
// also triggers a fetch, which is how rotation is picked up; any fetch waits at least
// cfg.JWKSRefreshInterval after the previous attempt, so no token can make us hammer it.
type keySet struct {
	cfg Config

	fetchMu sync.Mutex // one fetch at a time; lookups of fresh known kids never wait for it

	mu        sync.RWMutex
	keys      map[string]publicKey
	expires   time.Time // when the keys must be fetched again
	lastFetch time.Time // last attempt, successful or not
	lastErr   error     // of the last attempt
}

// newKeySet returns an empty key set for cfg.JWKSURL.
func newKeySet(cfg Config) *keySet {
	return &keySet{cfg: cfg}
}

// lookup returns the key named kid, refreshing the set when it has expired or kid is
// unknown and the refresh interval allows.
func (s *keySet) lookup(ctx context.Context, kid string) (publicKey, error) {
	if kid == "" {
		return publicKey{}, errors.New("token names no kid")
	}
	k, known, fresh := s.cached(kid)
	if known && fresh {
		return k, nil
	}
	if !known {
		s.fetchMu.Lock()
	} else if !s.fetchMu.TryLock() {
		return k, nil // another request is refreshing the expired set right now
	}
	defer s.fetchMu.Unlock()
	if k, known, fresh := s.cached(kid); known && fresh { // refreshed meanwhile
		return k, nil
	}
	if err := s.refresh(ctx); err != nil {
		return publicKey{}, err
	}
	if k, known, _ := s.cached(kid); known {
		return k, nil
	}
	return publicKey{}, fmt.Errorf("unknown kid %q", kid)
}

// cached returns the key named kid from the current set and whether the set is fresh.
func (s *keySet) cached(kid string) (publicKey, bool, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, ok := s.keys[kid]
	return k, ok, s.cfg.Now().Before(s.expires)
}

// refresh fetches the JWKS unless the last attempt is too recent. A failed fetch keeps the
// keys of the last good one (the endpoint being down must not lock every user out); only
// a failure that leaves no keys at all is reported, as ErrKeysUnavailable. The caller
// holds fetchMu.
func (s *keySet) refresh(ctx context.Context) error {
	s.mu.RLock()
	recent := !s.lastFetch.IsZero() && s.cfg.Now().Sub(s.lastFetch) < s.cfg.JWKSRefreshInterval
	empty, lastErr := len(s.keys) == 0, s.lastErr
	s.mu.RUnlock()
	if recent {
		if empty && lastErr != nil {
			return fmt.Errorf("%w: %w", ErrKeysUnavailable, lastErr)
		}
		return nil
	}
	keys, ttl, err := s.fetch(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastFetch, s.lastErr = s.cfg.Now(), err
	if err != nil {
		if len(s.keys) == 0 {
			return fmt.Errorf("%w: %w", ErrKeysUnavailable, err)
		}
		return nil
	}
	s.keys, s.expires = keys, s.lastFetch.Add(ttl)
	return nil
}

// fetch downloads and parses the JWKS and says how long it may be used. A caller hanging
// up does not abort it, so that one impatient client cannot leave the set empty until the
// next allowed refresh.
func (s *keySet) fetch(ctx context.Context) (map[string]publicKey, time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.JWKSFetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.JWKSURL, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("jwks request: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := s.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("fetch jwks: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, 0, fmt.Errorf("fetch jwks: status %d", resp.StatusCode)
	}
	var doc jwkSet
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxJWKSBytes)).Decode(&doc); err != nil {
		return nil, 0, fmt.Errorf("decode jwks: %w", err)
	}
	return doc.usable(), cacheLifetime(resp.Header.Get("Cache-Control"), s.cfg.JWKSMaxAge), nil
}

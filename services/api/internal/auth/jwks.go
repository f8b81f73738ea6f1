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

// keySet is a lazily fetched, cached JWKS. A token naming an unknown kid triggers a
// refresh (at most one per refresh interval), which is how key rotation is picked up.
type keySet struct {
	cfg Config

	fetchMu sync.Mutex // one fetch at a time; lookups of known kids never wait for it

	mu        sync.RWMutex
	keys      map[string]publicKey
	lastFetch time.Time // last attempt, successful or not
	lastErr   error     // of the last attempt
}

// newKeySet returns an empty key set for cfg.JWKSURL.
func newKeySet(cfg Config) *keySet {
	return &keySet{cfg: cfg}
}

// lookup returns the key named kid, refreshing the set when kid is unknown and the
// refresh interval allows.
func (s *keySet) lookup(ctx context.Context, kid string) (publicKey, error) {
	if kid == "" {
		return publicKey{}, errors.New("token names no kid")
	}
	if k, ok := s.cached(kid); ok {
		return k, nil
	}
	s.fetchMu.Lock()
	defer s.fetchMu.Unlock()
	if k, ok := s.cached(kid); ok { // another request refreshed meanwhile
		return k, nil
	}
	if err := s.refresh(ctx); err != nil {
		return publicKey{}, err
	}
	if k, ok := s.cached(kid); ok {
		return k, nil
	}
	return publicKey{}, fmt.Errorf("unknown kid %q", kid)
}

// cached returns the key named kid from the current set.
func (s *keySet) cached(kid string) (publicKey, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	k, ok := s.keys[kid]
	return k, ok
}

// refresh fetches the JWKS unless the last attempt is too recent. Only a failure that
// leaves no keys at all is reported as ErrKeysUnavailable. The caller holds fetchMu.
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
	keys, err := s.fetch(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lastFetch, s.lastErr = s.cfg.Now(), err
	if err != nil {
		if len(s.keys) == 0 {
			return fmt.Errorf("%w: %w", ErrKeysUnavailable, err)
		}
		return nil // keep the keys we have
	}
	s.keys = keys
	return nil
}

// fetch downloads and parses the JWKS. A caller hanging up does not abort it, so that one
// impatient client cannot leave the set empty until the next allowed refresh.
func (s *keySet) fetch(ctx context.Context) (map[string]publicKey, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.JWKSFetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.JWKSURL, nil)
	if err != nil {
		return nil, fmt.Errorf("jwks request: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := s.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch jwks: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch jwks: status %d", resp.StatusCode)
	}
	var doc jwkSet
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxJWKSBytes)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode jwks: %w", err)
	}
	return doc.usable(), nil
}

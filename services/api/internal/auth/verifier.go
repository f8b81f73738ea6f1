package auth

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"errors"
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

// Errors returned by Verify, wrapping the precise cause.
var (
	ErrAnonymousKey    = errors.New("anonymous: the project's anon key")
	ErrInvalidToken    = errors.New("invalid access token")
	ErrTokenExpired    = errors.New("access token expired")
	ErrKeysUnavailable = errors.New("token signing keys unavailable")
)

// Verifier checks access tokens. It is safe for concurrent use.
type Verifier struct {
	cfg    Config
	parser *jwt.Parser
	keys   *keySet // nil without a JWKS URL
}

// NewVerifier returns a Verifier for cfg; the JWKS is fetched on first need.
func NewVerifier(cfg Config) (*Verifier, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	// Audience and issuer depend on the kind of token, so identify checks them.
	parser := jwt.NewParser(jwt.WithValidMethods(cfg.methods()), jwt.WithLeeway(cfg.Leeway),
		jwt.WithTimeFunc(cfg.Now), jwt.WithExpirationRequired())
	v := &Verifier{cfg: cfg, parser: parser}
	if cfg.JWKSURL != "" {
		v.keys = newKeySet(cfg)
	}
	return v, nil
}

// Verify checks raw's signature and claims and returns the caller's Identity. Errors wrap
// ErrTokenExpired, ErrKeysUnavailable or ErrInvalidToken, or are ErrAnonymousKey for the
// project's anon key, which is valid but names nobody.
func (v *Verifier) Verify(ctx context.Context, raw string) (Identity, error) {
	c := jwt.MapClaims{}
	if _, err := v.parser.ParseWithClaims(raw, c, v.keyFunc(ctx)); err != nil {
		switch {
		case errors.Is(err, jwt.ErrTokenExpired):
			return Identity{}, fmt.Errorf("%w: %w", ErrTokenExpired, err)
		case errors.Is(err, ErrKeysUnavailable):
			return Identity{}, err
		default:
			return Identity{}, fmt.Errorf("%w: %w", ErrInvalidToken, err)
		}
	}
	id, err := v.identify(c)
	switch {
	case errors.Is(err, ErrAnonymousKey):
		return Identity{}, err
	case err != nil:
		return Identity{}, fmt.Errorf("%w: %w", ErrInvalidToken, err)
	}
	return id, nil
}

// keyFunc picks the verification key from the algorithm family, never from the token
// alone: HS256 gets the shared secret, RS256 and ES256 a JWKS key of the matching type.
// So an HS256 token "signed" with a public key is checked against the secret and fails.
func (v *Verifier) keyFunc(ctx context.Context) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		alg := t.Method.Alg()
		if alg == "HS256" {
			if v.cfg.HS256Secret == "" {
				return nil, errors.New("HS256 is not enabled")
			}
			return []byte(v.cfg.HS256Secret), nil
		}
		if v.keys == nil {
			return nil, fmt.Errorf("%s needs a JWKS", alg)
		}
		kid, _ := t.Header["kid"].(string)
		k, err := v.keys.lookup(ctx, kid)
		if err != nil {
			return nil, err
		}
		return k.verificationKey(alg)
	}
}

// verificationKey returns k's key if it suits alg.
func (k publicKey) verificationKey(alg string) (any, error) {
	if k.alg != "" && k.alg != alg {
		return nil, fmt.Errorf("key is for %s, token says %s", k.alg, alg)
	}
	switch key := k.key.(type) {
	case *rsa.PublicKey:
		if alg == "RS256" {
			return key, nil
		}
	case *ecdsa.PublicKey:
		if alg == "ES256" && key.Curve == elliptic.P256() {
			return key, nil
		}
	}
	return nil, fmt.Errorf("key of type %T cannot verify %s", k.key, alg)
}

// Package auth verifies Supabase-style JWT access tokens for the Tickup gateway and puts
// the caller's Identity on the request.
package auth

import (
	"errors"
	"net/http"
	"time"
)

// DefaultAudience is the audience Supabase puts in user access tokens.
const DefaultAudience = "authenticated"

// DefaultAdminClaim is where Supabase keeps server-set roles: app_metadata.role.
const DefaultAdminClaim = "app_metadata.role"

// Defaults applied by NewVerifier to zero Config fields.
const (
	DefaultLeeway              = 30 * time.Second
	DefaultJWKSRefreshInterval = 30 * time.Second
	DefaultJWKSFetchTimeout    = 5 * time.Second
	DefaultJWKSMaxAge          = 10 * time.Minute
)

// Config says which tokens a Verifier accepts. At least one of HS256Secret and JWKSURL is
// required; HS256 tokens are accepted only with the secret, RS256 and ES256 only with a
// key from the JWKS.
type Config struct {
	HS256Secret string        // Supabase's JWT secret (SUPABASE_JWT)
	JWKSURL     string        // e.g. SUPABASE_URL + "/auth/v1/.well-known/jwks.json"
	Issuer      string        // checked when set
	Audience    string        // default "authenticated"
	Leeway      time.Duration // clock skew allowed on exp and nbf; default 30s
	HTTPClient  *http.Client  // for the JWKS; default http.DefaultClient
	AdminClaim  string        // dot path of the claim whose value "admin" makes an admin; default app_metadata.role

	JWKSRefreshInterval time.Duration    // minimum time between JWKS fetches; default 30s
	JWKSMaxAge          time.Duration    // longest a fetched JWKS is used; a shorter Cache-Control max-age wins; default 10m
	JWKSFetchTimeout    time.Duration    // per fetch; default 5s
	Now                 func() time.Time // clock; default time.Now
}

// withDefaults validates c and fills its zero fields.
func (c Config) withDefaults() (Config, error) {
	if c.HS256Secret == "" && c.JWKSURL == "" {
		return c, errors.New("auth config: need an HS256 secret or a JWKS URL")
	}
	if c.Audience == "" {
		c.Audience = DefaultAudience
	}
	if c.Leeway == 0 {
		c.Leeway = DefaultLeeway
	}
	if c.HTTPClient == nil {
		c.HTTPClient = http.DefaultClient
	}
	if c.JWKSRefreshInterval == 0 {
		c.JWKSRefreshInterval = DefaultJWKSRefreshInterval
	}
	if c.JWKSMaxAge == 0 {
		c.JWKSMaxAge = DefaultJWKSMaxAge
	}
	if c.AdminClaim == "" {
		c.AdminClaim = DefaultAdminClaim
	}
	if c.JWKSFetchTimeout == 0 {
		c.JWKSFetchTimeout = DefaultJWKSFetchTimeout
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c, nil
}

// methods lists the signing algorithms c allows.
func (c Config) methods() []string {
	var m []string
	if c.HS256Secret != "" {
		m = append(m, "HS256")
	}
	if c.JWKSURL != "" {
		m = append(m, "RS256", "ES256")
	}
	return m
}

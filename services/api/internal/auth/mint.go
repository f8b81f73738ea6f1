package auth

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// MintOption sets an optional claim of a minted token.
type MintOption func(*mintOptions)

// mintOptions are the optional claims of a minted token.
type mintOptions struct {
	issuer, adminClaim, tokenID string
	now                         func() time.Time
}

// WithIssuer sets the token's iss.
func WithIssuer(iss string) MintOption { return func(o *mintOptions) { o.issuer = iss } }

// WithAdminClaim names the claim (a dot path) that carries "admin"; default app_metadata.role.
func WithAdminClaim(path string) MintOption { return func(o *mintOptions) { o.adminClaim = path } }

// WithTokenID sets the token's jti, which ties it to the log line of its minting.
func WithTokenID(jti string) MintOption { return func(o *mintOptions) { o.tokenID = jti } }

// WithMintClock sets the clock of iat and exp.
func WithMintClock(now func() time.Time) MintOption { return func(o *mintOptions) { o.now = now } }

// Mint signs an HS256 access token shaped like Supabase's, for `tickup token` and tests:
// sub, email, aud "authenticated", iat, exp = now + ttl, role "authenticated" (or
// "service_role" for RoleService) and the admin claim "admin" for RoleAdmin.
func Mint(secret, userID, email string, role Role, ttl time.Duration, opts ...MintOption) (string, error) {
	o := mintOptions{adminClaim: DefaultAdminClaim, now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	switch {
	case secret == "":
		return "", errors.New("mint token: empty secret")
	case !isUUID(userID):
		return "", fmt.Errorf("mint token: user id %q is not a UUID", userID)
	case ttl <= 0:
		return "", fmt.Errorf("mint token: ttl %s must be positive", ttl)
	}
	c, err := roleClaims(role, o.adminClaim)
	if err != nil {
		return "", fmt.Errorf("mint token: %w", err)
	}
	now := o.now()
	c["sub"], c["aud"], c["iat"], c["exp"] = userID, DefaultAudience, now.Unix(), now.Add(ttl).Unix()
	for name, val := range map[string]string{"email": email, "iss": o.issuer, "jti": o.tokenID} {
		if val != "" {
			c[name] = val
		}
	}
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(secret))
	if err != nil {
		return "", fmt.Errorf("mint token: %w", err)
	}
	return token, nil
}

// roleClaims returns the claims through which Supabase expresses role.
func roleClaims(role Role, adminClaim string) (jwt.MapClaims, error) {
	c := jwt.MapClaims{"role": claimAuthenticated}
	switch role {
	case RoleUser:
	case RoleAdmin:
		setClaim(c, adminClaim, claimAdmin)
	case RoleService:
		c["role"] = claimServiceRole
	default:
		return nil, fmt.Errorf("unknown role %q", role)
	}
	return c, nil
}

// setClaim sets the claim at a dot path, creating the objects on the way.
func setClaim(c jwt.MapClaims, path string, val any) {
	names := strings.Split(path, ".")
	m := map[string]any(c)
	for _, name := range names[:len(names)-1] {
		next, ok := m[name].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[name] = next
		}
		m = next
	}
	m[names[len(names)-1]] = val
}

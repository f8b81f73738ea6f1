package api

import (
	"fmt"
	"time"

	"tickup.dev/services/api/internal/auth"
)

// Token roles accepted by MintToken.
const (
	TokenRoleUser    = "user"
	TokenRoleAdmin   = "admin"
	TokenRoleService = "service"
)

// TokenOptions are the optional claims of a minted token.
type TokenOptions struct {
	Issuer     string // iss; empty for none
	AdminClaim string // dot path that carries "admin"; default app_metadata.role
	TokenID    string // jti; empty for none
}

// MintToken signs a development access token shaped like Supabase's (HS256 with the
// SUPABASE_JWT secret) for userID, as role user, admin or service, valid for ttl.
func MintToken(secret, userID, email, role string, ttl time.Duration) (string, error) {
	return MintTokenWith(secret, userID, email, role, ttl, TokenOptions{})
}

// MintTokenWith is MintToken with optional claims; it is what `tickup token` prints.
func MintTokenWith(secret, userID, email, role string, ttl time.Duration, o TokenOptions) (string, error) {
	var r auth.Role
	switch role {
	case TokenRoleUser:
		r = auth.RoleUser
	case TokenRoleAdmin:
		r = auth.RoleAdmin
	case TokenRoleService:
		r = auth.RoleService
	default:
		return "", fmt.Errorf("mint token: unknown role %q (want user, admin or service)", role)
	}
	opts := []auth.MintOption{auth.WithIssuer(o.Issuer), auth.WithTokenID(o.TokenID)}
	if o.AdminClaim != "" {
		opts = append(opts, auth.WithAdminClaim(o.AdminClaim))
	}
	return auth.Mint(secret, userID, email, r, ttl, opts...)
}

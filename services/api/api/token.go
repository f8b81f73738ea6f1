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

// MintToken signs a development access token shaped like Supabase's (HS256 with the
// SUPABASE_JWT secret) for userID, as role user, admin or service, valid for ttl. It is
// what `tickup token` prints.
func MintToken(secret, userID, email, role string, ttl time.Duration) (string, error) {
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
	return auth.Mint(secret, userID, email, r, ttl)
}

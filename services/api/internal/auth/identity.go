package auth

import (
	"fmt"

	"github.com/golang-jwt/jwt/v5"
)

// Role is what a caller may do beyond acting on their own data.
type Role string

// The roles of a caller.
const (
	RoleUser    Role = "user"    // a signed-in user
	RoleAdmin   Role = "admin"   // app_metadata.role == "admin"
	RoleService Role = "service" // role == "service_role": another backend
)

// Identity is the verified caller of a request.
type Identity struct {
	UserID string // the token's sub, a UUID
	Email  string
	Role   Role
}

// MayActFor reports whether the caller may act on userID's data: their own, or anyone's
// for an admin or a service.
func (i Identity) MayActFor(userID string) bool {
	return i.UserID == userID || i.Role == RoleAdmin || i.Role == RoleService
}

// claims is the part of a Supabase access token Tickup reads.
type claims struct {
	jwt.RegisteredClaims
	Email       string      `json:"email,omitempty"`
	Role        string      `json:"role,omitempty"`
	AppMetadata appMetadata `json:"app_metadata,omitzero"`
}

// appMetadata is the server-controlled metadata of a Supabase user.
type appMetadata struct {
	Role string `json:"role,omitempty"`
}

// Supabase's values of the role claims.
const (
	claimServiceRole   = "service_role"
	claimAuthenticated = "authenticated"
	claimAdmin         = "admin"
)

// identity turns verified claims into an Identity.
func (c *claims) identity() (Identity, error) {
	if !isUUID(c.Subject) {
		return Identity{}, fmt.Errorf("sub %q is not a UUID", c.Subject)
	}
	role := RoleUser
	switch {
	case c.Role == claimServiceRole:
		role = RoleService
	case c.AppMetadata.Role == claimAdmin:
		role = RoleAdmin
	}
	return Identity{UserID: c.Subject, Email: c.Email, Role: role}, nil
}

// isUUID reports whether s is a UUID in canonical 8-4-4-4-12 hex form.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
				return false
			}
		}
	}
	return true
}

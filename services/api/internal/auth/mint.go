package auth

import (
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Mint signs an HS256 access token shaped like Supabase's, for `tickup token` and tests:
// sub, email, aud "authenticated", iat, exp = now + ttl, role "authenticated" (or
// "service_role" for RoleService) and app_metadata.role "admin" for RoleAdmin.
func Mint(secret, userID, email string, role Role, ttl time.Duration) (string, error) {
	switch {
	case secret == "":
		return "", errors.New("mint token: empty secret")
	case !isUUID(userID):
		return "", fmt.Errorf("mint token: user id %q is not a UUID", userID)
	case ttl <= 0:
		return "", fmt.Errorf("mint token: ttl %s must be positive", ttl)
	}
	c, err := roleClaims(role)
	if err != nil {
		return "", fmt.Errorf("mint token: %w", err)
	}
	now := time.Now()
	c.RegisteredClaims = jwt.RegisteredClaims{
		Subject:   userID,
		Audience:  jwt.ClaimStrings{DefaultAudience},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
	}
	c.Email = email
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(secret))
	if err != nil {
		return "", fmt.Errorf("mint token: %w", err)
	}
	return token, nil
}

// roleClaims returns the claims through which Supabase expresses role.
func roleClaims(role Role) (claims, error) {
	c := claims{Role: claimAuthenticated}
	switch role {
	case RoleUser:
	case RoleAdmin:
		c.AppMetadata.Role = claimAdmin
	case RoleService:
		c.Role = claimServiceRole
	default:
		return c, fmt.Errorf("unknown role %q", role)
	}
	return c, nil
}

package auth

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// Supabase's values of the top-level role claim (the Postgres role of the request).
const (
	claimAnon          = "anon"
	claimServiceRole   = "service_role"
	claimAuthenticated = "authenticated"
	claimAdmin         = "admin"
)

// apiKeyIssuer is the iss of Supabase's project API keys (the anon and service_role
// keys), which are signed with the project's JWT secret but not issued by Auth.
const apiKeyIssuer = "supabase"

// identify turns verified claims into an Identity. The top-level role decides the kind of
// token: the anon key (anonymous, never a user), a service_role key (the service identity,
// sub and aud optional), or a user's access token (aud and a UUID sub required).
func (v *Verifier) identify(c jwt.MapClaims) (Identity, error) {
	role, ok := c["role"].(string)
	if _, present := c["role"]; present && !ok {
		return Identity{}, errors.New("role is not a string")
	}
	sub, err := c.GetSubject()
	if err != nil {
		return Identity{}, fmt.Errorf("sub: %w", err)
	}
	_, hasSub := c["sub"]
	switch role {
	case claimAnon:
		if hasSub {
			return Identity{}, fmt.Errorf("an anon token names subject %q", sub)
		}
		if err := v.checkIssuer(c, apiKeyIssuer); err != nil {
			return Identity{}, err
		}
		return Identity{}, ErrAnonymousKey
	case claimServiceRole:
		return v.service(c, sub)
	default:
		return v.user(c, sub)
	}
}

// service accepts a service_role token: Supabase's key (no sub, no aud) or one that names
// a user on whose behalf a backend acts.
func (v *Verifier) service(c jwt.MapClaims, sub string) (Identity, error) {
	if err := v.checkIssuer(c, apiKeyIssuer); err != nil {
		return Identity{}, err
	}
	if sub != "" && !isUUID(sub) {
		return Identity{}, fmt.Errorf("sub %q is not a UUID", sub)
	}
	email, _ := c["email"].(string)
	return Identity{UserID: sub, Email: email, Role: RoleService}, nil
}

// user accepts a signed-in user's access token.
func (v *Verifier) user(c jwt.MapClaims, sub string) (Identity, error) {
	aud, err := c.GetAudience()
	if err != nil || !slices.Contains(aud, v.cfg.Audience) {
		return Identity{}, fmt.Errorf("audience %v is not %q", aud, v.cfg.Audience)
	}
	if err := v.checkIssuer(c, ""); err != nil {
		return Identity{}, err
	}
	if !isUUID(sub) {
		return Identity{}, fmt.Errorf("sub %q is not a UUID", sub)
	}
	email, _ := c["email"].(string)
	id := Identity{UserID: sub, Email: email, Role: RoleUser, Anonymous: anonymousSignIn(c)}
	if role, ok := lookup(c, v.cfg.AdminClaim).(string); ok && role == claimAdmin && !id.Anonymous {
		id.Role = RoleAdmin
	}
	return id, nil
}

// checkIssuer checks iss against the configured issuer, when there is one; also, when
// set, is accepted too (Supabase's API keys say "supabase").
func (v *Verifier) checkIssuer(c jwt.MapClaims, also string) error {
	if v.cfg.Issuer == "" {
		return nil
	}
	iss, _ := c.GetIssuer()
	if iss == v.cfg.Issuer || (also != "" && iss == also) {
		return nil
	}
	return fmt.Errorf("issuer %q is not %q", iss, v.cfg.Issuer)
}

// anonymousSignIn reports whether the token is of an anonymous sign-in. Anything but an
// absent or false is_anonymous counts, so a malformed claim fails closed.
func anonymousSignIn(c jwt.MapClaims) bool {
	v, present := c["is_anonymous"]
	return present && v != false
}

// lookup returns the claim at a dot path (app_metadata.role), or nil; a value of the wrong
// shape on the way is nil too, so a malformed claim is ignored rather than fatal.
func lookup(c jwt.MapClaims, path string) any {
	var cur any = map[string]any(c)
	for name := range strings.SplitSeq(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[name]
	}
	return cur
}

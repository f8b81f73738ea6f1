package auth

import (
	"context"
	"errors"
	"strings"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/problem"
)

// Values of the WWW-Authenticate header (RFC 6750) on 401 answers.
const (
	challenge             = `Bearer realm="tickup"`
	challengeInvalidToken = `Bearer realm="tickup", error="invalid_token"`
)

// identityKey keys the Identity in a context.Context.
type identityKey struct{}

// Required returns middleware that answers 401 unless the request carries a valid bearer
// token naming a caller, and otherwise puts the caller's Identity on the request.
func Required(v *Verifier) gin.HandlerFunc {
	return authenticate(v, true)
}

// Optional returns middleware that lets anonymous requests through (no token, or the
// project's anon key that a signed-out frontend sends) but still rejects a bad token: a
// client that sends one expects to be someone.
func Optional(v *Verifier) gin.HandlerFunc {
	return authenticate(v, false)
}

// authenticate is the body of Required and Optional.
func authenticate(v *Verifier, required bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		header := c.GetHeader("Authorization")
		if header == "" && !required {
			c.Next()
			return
		}
		raw, ok := bearerToken(header)
		if !ok {
			unauthorized(c, challenge, "A bearer access token is required.")
			return
		}
		id, err := v.Verify(c.Request.Context(), raw)
		switch {
		case errors.Is(err, ErrAnonymousKey) && !required:
			c.Next()
			return
		case errors.Is(err, ErrAnonymousKey):
			unauthorized(c, challenge, "Sign in: the project's anon key does not name a user.")
			return
		case err != nil:
			rejectToken(c, err)
			return
		}
		c.Request = c.Request.WithContext(WithIdentity(c.Request.Context(), id))
		c.Next()
	}
}

// bearerToken extracts the token of an "Authorization: Bearer <token>" header.
func bearerToken(header string) (string, bool) {
	scheme, token, ok := strings.Cut(header, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// rejectToken answers a token that failed verification.
func rejectToken(c *gin.Context, err error) {
	switch {
	case errors.Is(err, ErrKeysUnavailable):
		problem.Write(c, problem.FromError(&problem.Error{Kind: problem.KindUnavailable,
			Detail: "Access tokens cannot be checked right now; try again.", Err: err}))
	case errors.Is(err, ErrTokenExpired):
		unauthorized(c, challengeInvalidToken, "The access token has expired.")
	default:
		unauthorized(c, challengeInvalidToken, "The access token is invalid.")
	}
}

// unauthorized answers 401 with a bearer challenge.
func unauthorized(c *gin.Context, wwwAuthenticate, detail string) {
	c.Header("WWW-Authenticate", wwwAuthenticate)
	problem.Write(c, problem.FromError(problem.NewError(problem.KindUnauthorized, "", detail)))
}

// RequireAdmin returns middleware, placed after Required, that answers 403 unless the
// caller is an admin.
func RequireAdmin() gin.HandlerFunc {
	return requireRole("This action is for admins.", RoleAdmin)
}

// RequireServiceOrAdmin returns middleware, placed after Required, that answers 403
// unless the caller is a backend service or an admin.
func RequireServiceOrAdmin() gin.HandlerFunc {
	return requireRole("This action is for services and admins.", RoleService, RoleAdmin)
}

// RequireAccount returns middleware, placed after Required, that answers 403 to an
// anonymous sign-in: moving money needs a user with an account.
func RequireAccount() gin.HandlerFunc {
	return func(c *gin.Context) {
		if id, ok := FromContext(c); ok && id.Anonymous {
			problem.Write(c, problem.FromError(problem.NewError(problem.KindForbidden, problem.SlugAccountRequired,
				"Sign in with an account to pay, top up or withdraw: a guest session cannot move money.")))
			return
		}
		c.Next()
	}
}

// requireRole lets through callers holding one of roles.
func requireRole(detail string, roles ...Role) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := FromContext(c)
		if !ok {
			unauthorized(c, challenge, "A bearer access token is required.")
			return
		}
		for _, r := range roles {
			if id.Role == r {
				c.Next()
				return
			}
		}
		problem.Write(c, problem.FromError(problem.NewError(problem.KindForbidden, "", detail)))
	}
}

// FromContext returns the Identity that Required or Optional put on the request.
func FromContext(c *gin.Context) (Identity, bool) {
	return IdentityFrom(c.Request.Context())
}

// WithIdentity returns a copy of ctx carrying id, for code below the HTTP layer.
func WithIdentity(ctx context.Context, id Identity) context.Context {
	return context.WithValue(ctx, identityKey{}, id)
}

// IdentityFrom returns the Identity carried by ctx.
func IdentityFrom(ctx context.Context) (Identity, bool) {
	id, ok := ctx.Value(identityKey{}).(Identity)
	return id, ok
}

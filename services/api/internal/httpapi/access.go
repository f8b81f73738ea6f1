package httpapi

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Access says who may call a route; it picks the route's authentication middleware and
// what its OpenAPI operation says about security.
type Access int

// The access levels.
const (
	Public         Access = iota // anyone; a token, if sent, must be valid
	User                         // any signed-in caller
	Admin                        // admins only
	ServiceOrAdmin               // backend services (service_role) and admins
	Webhook                      // a payment provider: no token (the handler checks the signature), no idempotency or rate limits
	Open                         // no token is read at all: health, metrics, documentation
)

// authenticated reports whether the level needs a valid token.
func (a Access) authenticated() bool {
	return a == User || a == Admin || a == ServiceOrAdmin
}

// Middlewares are the shared middleware that Handle puts before a route's handlers. The
// authentication ones are required; a nil optional one is skipped.
type Middlewares struct {
	Authenticate          gin.HandlerFunc // 401 unless a valid bearer token is sent
	AuthenticateOptional  gin.HandlerFunc // anonymous or a valid token
	RequireAdmin          gin.HandlerFunc // 403 unless admin (after Authenticate)
	RequireServiceOrAdmin gin.HandlerFunc // 403 unless service or admin (after Authenticate)
	Touch                 gin.HandlerFunc // records the caller as an app_user
	RequireAccount        gin.HandlerFunc // 403 for an anonymous sign-in on a money route (after Authenticate)
	LimitIP               gin.HandlerFunc // write rate limit per client IP
	LimitUser             gin.HandlerFunc // write rate limit per caller
	LimitReadIP           gin.HandlerFunc // GET rate limit per client IP
	LimitReadUser         gin.HandlerFunc // GET rate limit per caller
	Idempotency           gin.HandlerFunc // honours Idempotency-Key on authenticated POSTs
	QueryToken            gin.HandlerFunc // turns ?access_token= into an Authorization header
}

// chain returns the middleware route runs before its handlers, in order: IP limit,
// authentication and role, account check (money routes), caller bookkeeping, user limit,
// idempotency (POSTs). Writes and GETs have limits of their own.
func (m Middlewares) chain(route Route) []gin.HandlerFunc {
	var c []gin.HandlerFunc
	add := func(hs ...gin.HandlerFunc) {
		for _, h := range hs {
			if h != nil {
				c = append(c, h)
			}
		}
	}
	limited := route.Access != Webhook && route.Access != Open
	write, read := limited && isWrite(route.Method), limited && route.Method == http.MethodGet
	if write {
		add(m.LimitIP)
	} else if read {
		add(m.LimitReadIP)
	}
	if route.QueryToken {
		add(m.QueryToken)
	}
	if (route.Access.authenticated() && m.Authenticate == nil) || (route.Access == Public && m.AuthenticateOptional == nil) {
		panic("httpapi: " + route.String() + " needs an authentication middleware")
	}
	switch route.Access {
	case Public:
		add(m.AuthenticateOptional)
	case User:
		add(m.Authenticate, m.Touch)
	case Admin:
		add(m.Authenticate, m.Touch, must(m.RequireAdmin, route))
	case ServiceOrAdmin:
		add(m.Authenticate, m.Touch, must(m.RequireServiceOrAdmin, route))
	}
	if isMoneyRoute(route) {
		add(must(m.RequireAccount, route))
	}
	if write {
		add(m.LimitUser)
	} else if read {
		add(m.LimitReadUser)
	}
	if route.Method == http.MethodPost && route.Access.authenticated() {
		add(m.Idempotency)
	}
	return c
}

// must refuses to build a role-restricted route without its role check.
func must(h gin.HandlerFunc, route Route) gin.HandlerFunc {
	if h == nil {
		panic("httpapi: " + route.String() + " needs a role middleware")
	}
	return h
}

package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"tickup.dev/services/api/internal/problem"
)

// supabaseProjectRef is the project ref Supabase puts in its API keys.
const supabaseProjectRef = "tickuptestprojectref"

// apiKey returns a Supabase project API key (what the dashboard shows as the anon or the
// service_role key): iss "supabase", the project ref, the role, no sub and no aud.
func apiKey(t *testing.T, role string) string {
	t.Helper()
	now := time.Now()
	return hs256(t, jwt.MapClaims{"iss": "supabase", "ref": supabaseProjectRef, "role": role,
		"iat": now.Unix(), "exp": now.Add(10 * 365 * 24 * time.Hour).Unix()})
}

// hs256 signs c with the gateway's SUPABASE_JWT, as Supabase signs with the project's secret.
func hs256(t *testing.T, c jwt.MapClaims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString([]byte(testSecret))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// userToken returns a Supabase Auth access token of sub; edit changes its claims.
func userToken(t *testing.T, sub string, edit func(jwt.MapClaims)) string {
	t.Helper()
	return hs256(t, claims(sub, edit))
}

// whoami asks the gateway who tok's holder is, expecting 200.
func (g *gateway) whoami(t *testing.T, tok string) probeCaller {
	t.Helper()
	var who probeCaller
	g.do(t, http.MethodGet, "/api/v1/probe/whoami", tok, nil).decode(t, http.StatusOK, &who)
	return who
}

// TestSupabaseAnonKeyIsAnonymousOnPublicRoutes: a signed-out frontend sends the project's
// anon key as its bearer token; public routes answer it as anyone anonymous, routes for
// users answer 401. (e2e's TestSupabaseAnonKeyReadsTheCatalogue reads real pools with it.)
func TestSupabaseAnonKeyIsAnonymousOnPublicRoutes(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	anon := apiKey(t, "anon")
	if who := g.whoami(t, anon); who.SignedIn {
		t.Errorf("the anon key is taken for %+v", who)
	}
	for _, path := range []string{"/api/v1/users/me", "/api/v1/wallet"} {
		g.do(t, http.MethodGet, path, anon, nil).problem(t, http.StatusUnauthorized, problem.SlugUnauthorized)
	}
	g.do(t, http.MethodPost, "/api/v1/purchases", anon, map[string]any{"pool_id": uuid.NewString(), "type": "ENTRY",
		"payment_method": "wallet"}).problem(t, http.StatusUnauthorized, problem.SlugUnauthorized)
	if n := g.count(t, `SELECT count(*) FROM purchase`); n != 0 {
		t.Errorf("%d purchases after the anon key's attempt", n)
	}
}

// TestSupabaseServiceRoleKeyIsTheServiceIdentity: the project's service_role key, which
// names no user and no audience, is the service identity: it reaches the service routes,
// and must name the user it acts for.
func TestSupabaseServiceRoleKeyIsTheServiceIdentity(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	key := apiKey(t, "service_role")
	if who := g.whoami(t, key); !who.SignedIn || who.Role != "service" || who.UserID != "" {
		t.Errorf("the service_role key is taken for %+v", who)
	}
	g.do(t, http.MethodPut, "/api/v1/purchases/"+uuid.NewString(), key, map[string]any{"status": "CONFIRMED"}).
		problem(t, http.StatusNotFound, "purchase-not-found") // past authentication and the role check
	g.do(t, http.MethodPost, "/api/v1/probe/orders", key, map[string]any{"currency": "EUR"}).
		problem(t, http.StatusUnprocessableEntity, problem.SlugValidation)
	user := uuid.NewString()
	body := map[string]any{"currency": "EUR", "user_id": user}
	var order, again probeOrder
	g.do(t, http.MethodPost, "/api/v1/probe/orders", key, body, "Idempotency-Key", "svc-1").decode(t, http.StatusCreated, &order)
	replay := g.do(t, http.MethodPost, "/api/v1/probe/orders", key, body, "Idempotency-Key", "svc-1")
	replay.decode(t, http.StatusCreated, &again)
	if order.UserID != user || again != order || replay.Header.Get("Idempotent-Replayed") != "true" {
		t.Errorf("the service ordered %+v then %+v (replayed %q), want one order for %s",
			order, again, replay.Header.Get("Idempotent-Replayed"), user)
	}
}

// TestAnonRoleWithSubIsRefused: a token whose top-level role is anon is never a user's,
// whatever sub and aud it carries.
func TestAnonRoleWithSubIsRefused(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	tok := userToken(t, uuid.NewString(), func(c jwt.MapClaims) { c["role"] = "anon" })
	g.do(t, http.MethodGet, "/api/v1/users/me", tok, nil).problem(t, http.StatusUnauthorized, problem.SlugUnauthorized)
	g.do(t, http.MethodGet, "/api/v1/probe/whoami", tok, nil).problem(t, http.StatusUnauthorized, problem.SlugUnauthorized)
}

// TestAnonymousSignInCannotBuy: a Supabase anonymous sign-in is a user, but no money
// route accepts it; the problem says to sign in with an account, and nothing is stored.
func TestAnonymousSignInCannotBuy(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	guest := uuid.NewString()
	tok := userToken(t, guest, func(c jwt.MapClaims) { c["is_anonymous"] = true })
	if who := g.whoami(t, tok); !who.SignedIn || !who.Anonymous || who.UserID != guest {
		t.Errorf("the guest is taken for %+v", who)
	}
	pool := uuid.NewString()
	money := []struct {
		path string
		body map[string]any
	}{
		{"/api/v1/purchases", map[string]any{"pool_id": pool, "type": "ENTRY", "payment_method": "wallet"}},
		{"/api/v1/tickets", map[string]any{"pool_id": pool, "purchase_id": uuid.NewString()}},
		{"/api/v1/wallet/topups", map[string]any{"amount_cents": 1000, "provider": "generic"}},
		{"/api/v1/wallet/withdrawals", map[string]any{"amount_cents": 1000, "provider": "generic", "destination": "acct_1"}},
	}
	for _, m := range money {
		r := g.do(t, http.MethodPost, m.path, tok, m.body)
		if p := r.problem(t, http.StatusForbidden, problem.SlugAccountRequired); !strings.Contains(strings.ToLower(p.Detail), "sign in with an account") {
			t.Errorf("POST %s: detail %q does not say to sign in with an account", m.path, p.Detail)
		}
	}
	if n := g.count(t, `SELECT count(*) FROM purchase`); n != 0 {
		t.Errorf("%d purchases stored for the guest", n)
	}
}

// TestMalformedAppMetadataRoleIsIgnored: a role in app_metadata that is not a string makes
// nobody an admin, and locks nobody out.
func TestMalformedAppMetadataRoleIsIgnored(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	for _, role := range []any{42, []string{"admin"}, map[string]any{"name": "admin"}, nil} {
		user := uuid.NewString()
		tok := userToken(t, user, func(c jwt.MapClaims) { c["app_metadata"] = map[string]any{"provider": "email", "role": role} })
		if who := g.whoami(t, tok); !who.SignedIn || who.Role != "user" || who.UserID != user {
			t.Errorf("role %v: public route takes the caller for %+v", role, who)
		}
		g.do(t, http.MethodGet, "/api/v1/users/me", tok, nil).decode(t, http.StatusOK, new(json.RawMessage))
		g.do(t, http.MethodGet, "/api/v1/users", tok, nil).problem(t, http.StatusForbidden, problem.SlugForbidden)
	}
}

// TestAdminClaimIsConfigurable: with TICKUP_AUTH_ADMIN_CLAIM=user_role (Supabase's RBAC
// access-token hook), that claim makes admins, and app_metadata.role no longer does.
func TestAdminClaimIsConfigurable(t *testing.T) {
	t.Parallel()
	g := startGateway(t, func(s *setup) { s.env = append(s.env, "TICKUP_AUTH_ADMIN_CLAIM=user_role") })
	hooked := userToken(t, uuid.NewString(), func(c jwt.MapClaims) { c["user_role"] = "admin" })
	g.do(t, http.MethodGet, "/api/v1/users", hooked, nil).decode(t, http.StatusOK, new(json.RawMessage))
	if who := g.whoami(t, hooked); who.Role != "admin" {
		t.Errorf("user_role admin is taken for %+v", who)
	}
	legacy := userToken(t, uuid.NewString(), func(c jwt.MapClaims) { c["app_metadata"] = map[string]any{"role": "admin"} })
	g.do(t, http.MethodGet, "/api/v1/users", legacy, nil).problem(t, http.StatusForbidden, problem.SlugForbidden)
	moderator := userToken(t, uuid.NewString(), func(c jwt.MapClaims) { c["user_role"] = "moderator" })
	g.do(t, http.MethodGet, "/api/v1/users", moderator, nil).problem(t, http.StatusForbidden, problem.SlugForbidden)
}

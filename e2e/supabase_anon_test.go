package e2e

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// TestSupabaseAnonKeyReadsTheCatalogue: the project's anon key, sent by a signed-out
// frontend, reads real pools (ticketing answers) as anyone anonymous, and buys nothing.
// The gateway's own test (services/api/api, TestSupabaseAnonKeyIsAnonymousOnPublicRoutes)
// checks who the gateway takes it for.
func TestSupabaseAnonKeyReadsTheCatalogue(t *testing.T) {
	t.Parallel()
	r := startRaffle(t, 1)
	pool := r.createPool(t, 3, nil)
	anon := anonKey(t)
	var page Page[Pool]
	r.do(t, http.MethodGet, "/api/v1/pools", anon, nil).decode(t, http.StatusOK, &page)
	if len(page.Items) != 1 || page.Items[0].PoolID != pool.PoolID {
		t.Errorf("the anon key lists %+v, want the one pool %s", page.Items, pool.PoolID)
	}
	r.do(t, http.MethodGet, "/api/v1/pools/"+pool.PoolID, anon, nil).decode(t, http.StatusOK, new(json.RawMessage))
	r.do(t, http.MethodPost, "/api/v1/purchases", anon, map[string]any{"pool_id": pool.PoolID, "type": "ENTRY",
		"payment_method": "wallet"}).problem(t, http.StatusUnauthorized, SlugUnauthorized)
	if n := r.count(t, `SELECT count(*) FROM purchase`); n != 0 {
		t.Errorf("%d purchases after the anon key's attempt", n)
	}
}

// anonKey is a Supabase project's anon API key: iss "supabase", role anon, no sub, signed
// with the gateways' SUPABASE_JWT as Supabase signs with the project's secret.
func anonKey(t *testing.T) string {
	t.Helper()
	now := time.Now()
	key, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"iss": "supabase", "ref": "tickuptestprojectref",
		"role": "anon", "iat": now.Unix(), "exp": now.Add(24 * time.Hour).Unix()}).SignedString([]byte(testSecret))
	if err != nil {
		t.Fatal(err)
	}
	return key
}

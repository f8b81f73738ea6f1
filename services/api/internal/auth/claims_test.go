package auth

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

// TestSupabaseTokenShapes verifies every shape of token a Supabase project hands out.
func TestSupabaseTokenShapes(t *testing.T) {
	t.Parallel()
	clk := &clock{now: time.Unix(1_800_000_000, 0)}
	now := clk.Now()
	apiKey := func(role string, edit func(jwt.MapClaims)) jwt.MapClaims {
		c := jwt.MapClaims{"iss": "supabase", "ref": "projectref", "role": role, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
		if edit != nil {
			edit(c)
		}
		return c
	}
	set := func(k string, val any) func(jwt.MapClaims) { return func(c jwt.MapClaims) { c[k] = val } }
	tests := []struct {
		name       string
		adminClaim string
		claims     jwt.MapClaims
		want       Identity
		err        error // nil: want is the identity
	}{
		{name: "anon key", claims: apiKey("anon", nil), err: ErrAnonymousKey},
		{name: "anon key of another issuer", claims: apiKey("anon", set("iss", "https://evil.example")), err: ErrInvalidToken},
		{name: "anon role with a sub", claims: claimsAt(now, set("role", "anon")), err: ErrInvalidToken},
		{name: "anon role with an empty sub", claims: apiKey("anon", set("sub", "")), err: ErrInvalidToken},
		{name: "anon role with a numeric sub", claims: apiKey("anon", set("sub", 7)), err: ErrInvalidToken},
		{name: "service_role with a numeric sub", claims: apiKey("service_role", set("sub", 7)), err: ErrInvalidToken},
		{name: "service_role key", claims: apiKey("service_role", nil), want: Identity{Role: RoleService}},
		{name: "service_role naming a user", claims: claimsAt(now, set("role", "service_role")),
			want: Identity{UserID: testUser, Email: "ann@example.com", Role: RoleService}},
		{name: "service_role naming a non-UUID", claims: apiKey("service_role", set("sub", "cron")), err: ErrInvalidToken},
		{name: "user token may not borrow the API keys' issuer", claims: claimsAt(now, set("iss", "supabase")), err: ErrInvalidToken},
		{name: "role not a string", claims: claimsAt(now, set("role", 7)), err: ErrInvalidToken},
		{name: "anonymous sign-in", claims: claimsAt(now, set("is_anonymous", true)),
			want: Identity{UserID: testUser, Email: "ann@example.com", Role: RoleUser, Anonymous: true}},
		{name: "malformed is_anonymous fails closed", claims: claimsAt(now, set("is_anonymous", "no")),
			want: Identity{UserID: testUser, Email: "ann@example.com", Role: RoleUser, Anonymous: true}},
		{name: "signed-in user", claims: claimsAt(now, set("is_anonymous", false)),
			want: Identity{UserID: testUser, Email: "ann@example.com", Role: RoleUser}},
		{name: "app_metadata.role not a string", claims: claimsAt(now, set("app_metadata", map[string]any{"role": []any{"admin"}})),
			want: Identity{UserID: testUser, Email: "ann@example.com", Role: RoleUser}},
		{name: "app_metadata not an object", claims: claimsAt(now, set("app_metadata", "admin")),
			want: Identity{UserID: testUser, Email: "ann@example.com", Role: RoleUser}},
		{name: "admin in the configured claim", adminClaim: "user_role", claims: claimsAt(now, set("user_role", "admin")),
			want: Identity{UserID: testUser, Email: "ann@example.com", Role: RoleAdmin}},
		{name: "app_metadata.role ignored once another claim is configured", adminClaim: "user_role",
			claims: claimsAt(now, set("app_metadata", map[string]any{"role": "admin"})),
			want:   Identity{UserID: testUser, Email: "ann@example.com", Role: RoleUser}},
		{name: "a guest is never an admin", claims: claimsAt(now, func(c jwt.MapClaims) {
			c["is_anonymous"], c["app_metadata"] = true, map[string]any{"role": "admin"}
		}), want: Identity{UserID: testUser, Email: "ann@example.com", Role: RoleUser, Anonymous: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			v, err := NewVerifier(Config{HS256Secret: testSecret, Issuer: testIssuer, AdminClaim: tc.adminClaim, Now: clk.Now})
			if err != nil {
				t.Fatal(err)
			}
			id, err := v.Verify(context.Background(), sign(t, jwt.SigningMethodHS256, []byte(testSecret), "", tc.claims))
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Errorf("Verify = %+v, %v; want %v", id, err, tc.err)
				}
				return
			}
			if err != nil || id != tc.want {
				t.Errorf("Verify = %+v, %v; want %+v", id, err, tc.want)
			}
		})
	}
}

// TestAnonKeyThroughTheMiddleware: the anon key passes Optional as nobody, and Required
// answers it 401; a guest is kept off routes behind RequireAccount.
func TestAnonKeyThroughTheMiddleware(t *testing.T) {
	t.Parallel()
	v, err := NewVerifier(Config{HS256Secret: testSecret})
	if err != nil {
		t.Fatal(err)
	}
	engine := newEngine(v)
	engine.GET("/buy", Required(v), RequireAccount(), func(c *gin.Context) { c.Status(http.StatusNoContent) })
	now := time.Now()
	anon := "Bearer " + sign(t, jwt.SigningMethodHS256, []byte(testSecret), "", jwt.MapClaims{"iss": "supabase",
		"role": "anon", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()})
	checkAnswer(t, get(engine, "/maybe", anon), http.StatusOK, "")
	checkAnswer(t, get(engine, "/me", anon), http.StatusUnauthorized, "")
	guest := "Bearer " + sign(t, jwt.SigningMethodHS256, []byte(testSecret), "", claimsAt(now, func(c jwt.MapClaims) { c["is_anonymous"] = true }))
	checkAnswer(t, get(engine, "/me", guest), http.StatusOK, RoleUser)
	checkAnswer(t, get(engine, "/buy", guest), http.StatusForbidden, "")
	if rec := get(engine, "/buy", "Bearer "+sign(t, jwt.SigningMethodHS256, []byte(testSecret), "", claimsAt(now, nil))); rec.Code != http.StatusNoContent {
		t.Errorf("a signed-in user on /buy: %d", rec.Code)
	}
}

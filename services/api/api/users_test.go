package api

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/users"
)

// TestUsersSeeOnlyThemselves covers /users/me, the admin-only routes refused to users,
// and the app_user row recorded from the token without a write per request.
func TestUsersSeeOnlyThemselves(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	ann, annTok := newUser(t, auth.RoleUser)
	bob, bobTok := newUser(t, auth.RoleUser)
	var me users.User
	g.do(t, http.MethodGet, "/api/v1/users/me", annTok, nil).decode(t, http.StatusOK, &me)
	if me.UserID != ann || me.Role != "user" || me.Email != ann[:8]+"@example.com" || me.LastSeenAt == nil {
		t.Fatalf("ann's /users/me = %+v", me)
	}
	g.do(t, http.MethodGet, "/api/v1/users/me", bobTok, nil).decode(t, http.StatusOK, &me)
	if me.UserID != bob {
		t.Fatalf("bob's /users/me shows %s", me.UserID)
	}
	for _, path := range []string{"/api/v1/users", "/api/v1/users/" + ann} {
		g.do(t, http.MethodGet, path, bobTok, nil).problem(t, http.StatusForbidden, problem.SlugForbidden)
	}
	g.do(t, http.MethodPost, "/api/v1/users", bobTok, map[string]string{"email": "x@example.com"}).
		problem(t, http.StatusForbidden, problem.SlugForbidden)
	var first time.Time
	g.db.Raw(`SELECT last_seen_at FROM app_user WHERE user_id = ?`, ann).Scan(&first)
	for range 3 {
		g.do(t, http.MethodGet, "/api/v1/users/me", annTok, nil)
	}
	var again time.Time
	g.db.Raw(`SELECT last_seen_at FROM app_user WHERE user_id = ?`, ann).Scan(&again)
	if first.IsZero() || !again.Equal(first) {
		t.Errorf("last_seen_at %v then %v: want one write, not one per request", first, again)
	}
}

// TestAdminSeedsAndPagesUsers covers POST /users and GET /users with its cursor.
func TestAdminSeedsAndPagesUsers(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	admin, adminTok := newUser(t, auth.RoleAdmin)
	seeded := uuid.NewString()
	var u users.User
	r := g.do(t, http.MethodPost, "/api/v1/users", adminTok, map[string]string{"user_id": seeded, "email": "seed@example.com"})
	r.decode(t, http.StatusCreated, &u)
	if u.UserID != seeded || u.Role != "user" || r.Header.Get("Location") != "/api/v1/users/"+seeded {
		t.Fatalf("created %+v at %q", u, r.Header.Get("Location"))
	}
	g.do(t, http.MethodPost, "/api/v1/users", adminTok, map[string]string{"user_id": seeded, "email": "seed@example.com"}).
		problem(t, http.StatusConflict, "user-exists")
	g.do(t, http.MethodGet, "/api/v1/users/"+seeded, adminTok, nil).decode(t, http.StatusOK, &u)
	g.do(t, http.MethodGet, "/api/v1/users/"+uuid.NewString(), adminTok, nil).problem(t, http.StatusNotFound, problem.SlugNotFound)
	g.do(t, http.MethodGet, "/api/v1/users/not-a-uuid", adminTok, nil).problem(t, http.StatusUnprocessableEntity, problem.SlugValidation)
	for i := range 5 {
		g.do(t, http.MethodPost, "/api/v1/users", adminTok, map[string]string{"email": fmt.Sprintf("u%d@example.com", i)})
	}
	seen := pageThrough(t, g, adminTok, 2)
	if len(seen) != 7 || !seen[admin] || !seen[seeded] { // the admin (recorded on first use), the seeded user, 5 more
		t.Fatalf("paged through %d users: %v", len(seen), seen)
	}
	for _, q := range []string{"limit=0", "limit=201", "limit=abc", "cursor=%21%21", "cursor=bm90anNvbg", "cursor=" + strings.Repeat("a", 2000)} {
		g.do(t, http.MethodGet, "/api/v1/users?"+q, adminTok, nil).problem(t, http.StatusUnprocessableEntity, problem.SlugValidation)
	}
}

// pageThrough lists every user limit at a time and returns the ids seen (each once).
func pageThrough(t *testing.T, g *gateway, tok string, limit int) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; ; pages++ {
		var page struct {
			Items      []users.User `json:"items"`
			NextCursor *string      `json:"next_cursor"`
		}
		g.do(t, http.MethodGet, fmt.Sprintf("/api/v1/users?limit=%d&cursor=%s", limit, cursor), tok, nil).decode(t, http.StatusOK, &page)
		if len(page.Items) > limit || pages > 10 {
			t.Fatalf("page of %d items (limit %d), page %d", len(page.Items), limit, pages)
		}
		for _, u := range page.Items {
			if seen[u.UserID] {
				t.Fatalf("user %s on two pages", u.UserID)
			}
			seen[u.UserID] = true
		}
		if page.NextCursor == nil {
			return seen
		}
		cursor = *page.NextCursor
	}
}

// TestBadBodiesStoreNothing sends malformed, unknown-field, mistyped, invalid and
// oversized bodies: each gets its problem and no user is created.
func TestBadBodiesStoreNothing(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	_, adminTok := newUser(t, auth.RoleAdmin)
	g.do(t, http.MethodGet, "/api/v1/users/me", adminTok, nil) // the admin is recorded
	before := g.count(t, `SELECT count(*) FROM app_user`)
	huge := `{"email":"` + strings.Repeat("a", 1<<20) + `@example.com"}`
	tests := []struct {
		name, body string
		status     int
		slug       string
	}{
		{"malformed JSON", `{"email": `, http.StatusBadRequest, problem.SlugMalformedJSON},
		{"not JSON", `email=a@example.com`, http.StatusBadRequest, problem.SlugMalformedJSON},
		{"unknown field", `{"email":"a@example.com","role":"admin"}`, http.StatusUnprocessableEntity, problem.SlugUnknownField},
		{"wrong type", `{"email":42}`, http.StatusUnprocessableEntity, problem.SlugValidation},
		{"invalid e-mail", `{"email":"not-an-address"}`, http.StatusUnprocessableEntity, problem.SlugValidation},
		{"invalid user_id", `{"email":"a@example.com","user_id":"42"}`, http.StatusUnprocessableEntity, problem.SlugValidation},
		{"too large", huge, http.StatusRequestEntityTooLarge, problem.SlugBodyTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := g.do(t, http.MethodPost, "/api/v1/users", adminTok, tc.body).problem(t, tc.status, tc.slug)
			if p.Detail == "" {
				t.Errorf("problem without detail: %+v", p)
			}
		})
	}
	g.do(t, http.MethodPost, "/api/v1/users", adminTok, huge, "Idempotency-Key", "huge-1").
		problem(t, http.StatusRequestEntityTooLarge, problem.SlugBodyTooLarge)
	if after := g.count(t, `SELECT count(*) FROM app_user`); after != before {
		t.Errorf("app_user went from %d to %d rows", before, after)
	}
	if n := g.count(t, `SELECT count(*) FROM idempotency_key`); n != 0 {
		t.Errorf("%d idempotency keys kept for refused requests", n)
	}
}

// TestServerOwnedFieldsAreCheckedAgainstTheTruth uses the probe resource: a user_id other
// than the caller's is refused unless the caller is an admin, a differing amount_cents is
// a 422, and a bad currency too.
func TestServerOwnedFieldsAreCheckedAgainstTheTruth(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	ann, annTok := newUser(t, auth.RoleUser)
	bob, _ := newUser(t, auth.RoleUser)
	_, adminTok := newUser(t, auth.RoleAdmin)
	price := int64(probePrice)
	wrong := price - 1
	var o probeOrder
	g.do(t, http.MethodPost, "/api/v1/probe/orders", annTok, orderRequest{Currency: "EUR"}).decode(t, http.StatusCreated, &o)
	if o.UserID != ann {
		t.Errorf("order for %s, want the caller %s", o.UserID, ann)
	}
	g.do(t, http.MethodPost, "/api/v1/probe/orders", annTok, orderRequest{UserID: &ann, AmountCents: &price, Currency: "EUR"}).
		decode(t, http.StatusCreated, &o)
	g.do(t, http.MethodPost, "/api/v1/probe/orders", annTok, orderRequest{UserID: &bob, Currency: "EUR"}).
		problem(t, http.StatusForbidden, problem.SlugForbidden)
	g.do(t, http.MethodPost, "/api/v1/probe/orders", adminTok, orderRequest{UserID: &bob, Currency: "EUR"}).
		decode(t, http.StatusCreated, &o)
	if o.UserID != bob {
		t.Errorf("admin's order for %s, want %s", o.UserID, bob)
	}
	p := g.do(t, http.MethodPost, "/api/v1/probe/orders", annTok, orderRequest{AmountCents: &wrong, Currency: "EUR"}).
		problem(t, http.StatusUnprocessableEntity, problem.SlugValidation)
	if len(p.Errors) != 1 || p.Errors[0].Field != "amount_cents" {
		t.Errorf("amount problem = %+v", p)
	}
	for _, cur := range []string{"eur", "EURO", "ZZZ", ""} {
		g.do(t, http.MethodPost, "/api/v1/probe/orders", annTok, orderRequest{Currency: cur}).
			problem(t, http.StatusUnprocessableEntity, problem.SlugValidation)
	}
}

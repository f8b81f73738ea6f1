package api

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
)

// TestCORS checks preflights from an allowed and a foreign origin, and the headers of an
// ordinary cross-origin answer.
func TestCORS(t *testing.T) {
	t.Parallel()
	const app = "https://app.example.com"
	g := startGateway(t, func(s *setup) { s.env = append(s.env, "TICKUP_CORS_ORIGINS="+app) })
	_, tok := newUser(t, auth.RoleUser)
	pre := g.do(t, http.MethodOptions, "/api/v1/users", "", nil,
		"Origin", app, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization, idempotency-key")
	if pre.Status != http.StatusNoContent || pre.Header.Get("Access-Control-Allow-Origin") != app {
		t.Fatalf("allowed preflight: %d, allow-origin %q", pre.Status, pre.Header.Get("Access-Control-Allow-Origin"))
	}
	for _, want := range []string{"Authorization", "Idempotency-Key", "Last-Event-ID"} {
		if !strings.Contains(pre.Header.Get("Access-Control-Allow-Headers"), want) {
			t.Errorf("Access-Control-Allow-Headers %q lacks %s", pre.Header.Get("Access-Control-Allow-Headers"), want)
		}
	}
	if !strings.Contains(pre.Header.Get("Access-Control-Allow-Methods"), "POST") || pre.Header.Get("Access-Control-Allow-Credentials") != "" {
		t.Errorf("preflight methods %q, credentials %q", pre.Header.Get("Access-Control-Allow-Methods"), pre.Header.Get("Access-Control-Allow-Credentials"))
	}
	refused := g.do(t, http.MethodOptions, "/api/v1/users", "", nil, "Origin", "https://evil.example", "Access-Control-Request-Method", "POST")
	refused.problem(t, http.StatusForbidden, problem.SlugForbidden)
	if refused.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("a foreign origin's preflight was allowed")
	}
	get := g.do(t, http.MethodGet, "/api/v1/users/me", tok, nil, "Origin", app)
	for _, want := range []string{"Location", "Idempotent-Replayed", "Retry-After"} {
		if !strings.Contains(get.Header.Get("Access-Control-Expose-Headers"), want) {
			t.Errorf("Access-Control-Expose-Headers %q lacks %s", get.Header.Get("Access-Control-Expose-Headers"), want)
		}
	}
	if foreign := g.do(t, http.MethodGet, "/api/v1/users/me", tok, nil, "Origin", "https://evil.example"); foreign.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("a foreign origin got Access-Control-Allow-Origin")
	}
}

// TestWriteRateLimits exhausts a caller's and then an IP's write budget.
func TestWriteRateLimits(t *testing.T) {
	t.Parallel()
	t.Run("per user", func(t *testing.T) {
		t.Parallel()
		g := startGateway(t, func(s *setup) {
			s.env = append(s.env, "TICKUP_RATE_LIMIT_WRITES_PER_MINUTE=3", "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE=100")
		})
		_, ann := newUser(t, auth.RoleUser)
		_, bob := newUser(t, auth.RoleUser)
		order := orderRequest{Currency: "EUR"}
		for range 3 {
			g.do(t, http.MethodPost, "/api/v1/probe/orders", ann, order).decode(t, http.StatusCreated, &probeOrder{})
		}
		limited := g.do(t, http.MethodPost, "/api/v1/probe/orders", ann, order)
		limited.problem(t, http.StatusTooManyRequests, problem.SlugRateLimited)
		if secs, err := strconv.Atoi(limited.Header.Get("Retry-After")); err != nil || secs < 1 || secs > 60 {
			t.Errorf("Retry-After %q", limited.Header.Get("Retry-After"))
		}
		g.do(t, http.MethodPost, "/api/v1/probe/orders", bob, order).decode(t, http.StatusCreated, &probeOrder{})
		g.do(t, http.MethodGet, "/api/v1/users/me", ann, nil).decode(t, http.StatusOK, &struct{}{}) // writes do not spend the read budget
	})
	t.Run("per IP", func(t *testing.T) {
		t.Parallel()
		g := startGateway(t, func(s *setup) {
			s.env = append(s.env, "TICKUP_RATE_LIMIT_WRITES_PER_MINUTE=100", "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE=2")
		})
		for i := range 3 {
			_, tok := newUser(t, auth.RoleUser)
			r := g.do(t, http.MethodPost, "/api/v1/probe/orders", tok, orderRequest{Currency: "EUR"})
			if i < 2 {
				r.decode(t, http.StatusCreated, &probeOrder{})
				continue
			}
			r.problem(t, http.StatusTooManyRequests, problem.SlugRateLimited)
			if r.Header.Get("Retry-After") == "" {
				t.Error("429 without Retry-After")
			}
		}
	})
}

// TestFallbacksAndPanics: unknown routes, wrong methods and a panicking handler all get
// problem answers with a request id; the panic is logged with it, not shown.
func TestFallbacksAndPanics(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	g.do(t, http.MethodGet, "/api/v1/nowhere", "", nil).problem(t, http.StatusNotFound, problem.SlugNotFound)
	wrong := g.do(t, http.MethodDelete, "/api/v1/users/me", "", nil)
	wrong.problem(t, http.StatusMethodNotAllowed, problem.SlugMethodNotAllowed)
	if wrong.Header.Get("Allow") == "" {
		t.Error("405 without Allow")
	}
	r := g.do(t, http.MethodGet, "/api/v1/probe/panic", "", nil, problem.HeaderRequestID, "panic-req-1")
	p := r.problem(t, http.StatusInternalServerError, problem.SlugInternal)
	if p.RequestID != "panic-req-1" || strings.Contains(string(r.Body), "secret") {
		t.Errorf("panic answer %s", r.Body)
	}
	found := false
	for _, line := range g.logs.lines("panic serving request") {
		found = found || line["request_id"] == "panic-req-1"
	}
	if !found {
		t.Error("the panic was not logged with its request id")
	}
}

// TestAccessLog checks the structured line logged for a request.
func TestAccessLog(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	user, tok := newUser(t, auth.RoleUser)
	g.do(t, http.MethodGet, "/api/v1/users/me?access_token=secret-in-query", tok, nil, problem.HeaderRequestID, "log-req-1")
	if g.logs.contains("secret-in-query") {
		t.Error("the query string was logged")
	}
	for _, line := range g.logs.lines("http request") {
		if line["request_id"] != "log-req-1" {
			continue
		}
		if line["method"] != "GET" || line["path"] != "/api/v1/users/me" || line["route"] != "/api/v1/users/me" ||
			line["status"] != float64(200) || line["user_id"] != user || line["duration_ms"] == nil {
			t.Errorf("access log line %v", line)
		}
		return
	}
	t.Error("no access log line for the request")
}

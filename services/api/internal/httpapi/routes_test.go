package httpapi

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/openapi"
)

// mark returns middleware that records its name on the request.
func mark(name string) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("X-Chain", strings.TrimPrefix(c.Writer.Header().Get("X-Chain")+","+name, ","))
		c.Next()
	}
}

func allMarked() Middlewares {
	return Middlewares{Authenticate: mark("auth"), AuthenticateOptional: mark("optional"), RequireAdmin: mark("admin"),
		RequireServiceOrAdmin: mark("service"), Touch: mark("touch"), LimitIP: mark("ip"), LimitUser: mark("user"),
		LimitReadIP: mark("read-ip"), LimitReadUser: mark("read-user"), RequireAccount: mark("account"),
		Idempotency: mark("idem"), QueryToken: mark("query")}
}

func TestChainsFollowAccessAndMethod(t *testing.T) {
	t.Parallel()
	r, err := New(Config{Log: slog.New(slog.DiscardHandler), Middlewares: allMarked()})
	if err != nil {
		t.Fatal(err)
	}
	routes := r.Group("/api/v1")
	ok := func(c *gin.Context) { c.Status(http.StatusNoContent) }
	tests := []struct {
		route Route
		chain string
	}{
		{Route{Method: http.MethodGet, Path: "/a/{id}", Access: Public}, "read-ip,optional,read-user"},
		{Route{Method: http.MethodGet, Path: "/b", Access: User, QueryToken: true}, "read-ip,query,auth,touch,read-user"},
		{Route{Method: http.MethodPost, Path: "/purchases", Access: User}, "ip,auth,touch,account,user,idem"},
		{Route{Method: http.MethodPost, Path: "/wallet/topups/{id}/cancel", Access: User}, "ip,auth,touch,user,idem"},
		{Route{Method: http.MethodPost, Path: "/c", Access: Admin}, "ip,auth,touch,admin,user,idem"},
		{Route{Method: http.MethodPut, Path: "/d", Access: ServiceOrAdmin}, "ip,auth,touch,service,user"},
		{Route{Method: http.MethodPost, Path: "/e", Access: Webhook}, ""},
		{Route{Method: http.MethodPost, Path: "/f", Access: Public}, "ip,optional,user"},
		{Route{Method: http.MethodGet, Path: "/g", Access: Open}, ""},
	}
	for _, tc := range tests {
		routes.Handle(tc.route, ok)
		path := "/api/v1" + strings.ReplaceAll(tc.route.Path, "{id}", "x")
		rec := httptest.NewRecorder()
		r.Handler().ServeHTTP(rec, httptest.NewRequest(tc.route.Method, path, nil))
		if got := rec.Header().Get("X-Chain"); rec.Code != http.StatusNoContent || got != tc.chain {
			t.Errorf("%s: %d, chain %q, want %q", tc.route, rec.Code, got, tc.chain)
		}
		if !r.Document().Has(tc.route.Method, "/api/v1"+tc.route.Path) {
			t.Errorf("%s is not documented", tc.route)
		}
	}
}

func TestAuthenticatedRoutesNeedAnAuthenticator(t *testing.T) {
	t.Parallel()
	r, err := New(Config{Log: slog.New(slog.DiscardHandler), Info: openapi.Info{Title: "t"}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Error("a User route was registered without authentication")
		}
	}()
	r.Group("").Handle(Route{Method: http.MethodGet, Path: "/me", Access: User}, func(*gin.Context) {})
}

func TestGinPath(t *testing.T) {
	t.Parallel()
	if got := ginPath("/pools/{id}/tickets/{ticket_id}"); got != "/pools/:id/tickets/:ticket_id" {
		t.Errorf("ginPath = %q", got)
	}
}

package problem

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
)

func TestMiddleware(t *testing.T) {
	t.Parallel()
	longID := strings.Repeat("a", maxRequestIDLen+1)
	tests := []struct {
		name   string
		method string
		path   string
		reqID  string
		status int
		slug   string
		keepID bool   // the incoming id is echoed
		allow  string // expected Allow header
		logHas string
	}{
		{name: "panic", method: "GET", path: "/panic", status: 500, slug: SlugInternal, logHas: "goroutine"},
		{name: "panic keeps request id", method: "GET", path: "/panic", reqID: "req-42", status: 500, slug: SlugInternal, keepID: true, logHas: "req-42"},
		{name: "unknown route", method: "GET", path: "/nowhere", status: 404, slug: SlugNotFound},
		{name: "unknown method", method: "DELETE", path: "/ok", status: 405, slug: SlugMethodNotAllowed, allow: "GET"},
		{name: "sane id kept", method: "GET", path: "/nowhere", reqID: "abc-DEF_1.2:3", status: 404, slug: SlugNotFound, keepID: true},
		{name: "odd id replaced", method: "GET", path: "/nowhere", reqID: "a b<script>", status: 404, slug: SlugNotFound},
		{name: "long id replaced", method: "GET", path: "/nowhere", reqID: longID, status: 404, slug: SlugNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			engine, _, logs := newEngine(t)
			engine.GET("/ok", func(c *gin.Context) { c.Status(http.StatusNoContent) })
			engine.GET("/panic", func(*gin.Context) { panic("kaboom: secret state") })
			header := http.Header{}
			if tc.reqID != "" {
				header.Set(HeaderRequestID, tc.reqID)
			}
			rec := serve(engine, tc.method, tc.path, "", header)
			p := readProblem(t, rec, tc.status, tc.slug)
			if got := p.RequestID == tc.reqID; got != tc.keepID {
				t.Errorf("request id %q kept = %v, want %v", p.RequestID, got, tc.keepID)
			}
			if got := rec.Header().Get("Allow"); got != tc.allow {
				t.Errorf("Allow = %q, want %q", got, tc.allow)
			}
			if strings.Contains(rec.Body.String(), "kaboom") || strings.Contains(rec.Body.String(), "goroutine") {
				t.Errorf("body %s leaks the panic", rec.Body)
			}
			if !strings.Contains(logs.String(), tc.logHas) {
				t.Errorf("log %q lacks %q", logs, tc.logHas)
			}
		})
	}
}

func TestRequestIDGenerated(t *testing.T) {
	t.Parallel()
	engine, _, _ := newEngine(t)
	var seen string
	engine.GET("/ok", func(c *gin.Context) {
		seen = RequestIDFrom(c.Request.Context())
		c.Status(http.StatusNoContent)
	})
	first := serve(engine, http.MethodGet, "/ok", "", nil).Header().Get(HeaderRequestID)
	second := serve(engine, http.MethodGet, "/ok", "", nil).Header().Get(HeaderRequestID)
	if first == "" || first == second || !saneRequestID(first) {
		t.Errorf("generated ids %q, %q: want distinct sane ids", first, second)
	}
	if seen != second {
		t.Errorf("handler saw %q, response carried %q", seen, second)
	}
}

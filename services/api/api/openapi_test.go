package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"tickup.dev/services/api/internal/auth"
)

// TestEveryRouteIsDocumented compares gin's routing table with the served document.
func TestEveryRouteIsDocumented(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	if len(g.routes) < 10 {
		t.Fatalf("only %d routes registered", len(g.routes))
	}
	for _, r := range g.routes {
		if strings.HasSuffix(r.Path, "/*filepath") {
			continue // static files (documentation and draw page assets)
		}
		path := openAPIPath(r.Path)
		item := g.spec.doc.Paths.Find(path)
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("%s %s is routed but not documented as %s", r.Method, r.Path, path)
		}
	}
	for path, item := range g.spec.doc.Paths.Map() {
		for method := range item.Operations() {
			if !routed(g, method, path) {
				t.Errorf("%s %s is documented but not routed", method, path)
			}
		}
	}
}

// TestDocumentSchemasAreReal shows that a real answer validates and that an altered one
// (a required field missing, a field of the wrong type) does not.
func TestDocumentSchemasAreReal(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	_, tok := newUser(t, auth.RoleUser)
	req, _ := http.NewRequest(http.MethodGet, g.base+"/api/v1/users/me", nil)
	good := g.do(t, http.MethodGet, "/api/v1/users/me", tok, nil)
	if good.Status != http.StatusOK {
		t.Fatalf("status %d", good.Status)
	}
	bad401 := g.do(t, http.MethodGet, "/api/v1/users/me", "", nil)
	tests := []struct {
		name  string
		base  response
		alter func(map[string]any)
		ok    bool
	}{
		{"unaltered user", good, func(map[string]any) {}, true},
		{"user without user_id", good, func(m map[string]any) { delete(m, "user_id") }, false},
		{"user_id of the wrong type", good, func(m map[string]any) { m["user_id"] = 42 }, false},
		{"role outside its enum", good, func(m map[string]any) { m["role"] = "root" }, false},
		{"unaltered problem", bad401, func(map[string]any) {}, true},
		{"problem status as a string", bad401, func(m map[string]any) { m["status"] = "401" }, false},
		{"problem without title", bad401, func(m map[string]any) { delete(m, "title") }, false},
	}
	for _, tc := range tests {
		var body map[string]any
		if err := json.Unmarshal(tc.base.Body, &body); err != nil {
			t.Fatal(err)
		}
		tc.alter(body)
		altered := tc.base
		altered.Body, _ = json.Marshal(body)
		if err := g.spec.validate(req, altered); (err == nil) != tc.ok {
			t.Errorf("%s: validation error = %v, want ok = %v", tc.name, err, tc.ok)
		}
	}
	undocumented := good
	undocumented.Status = http.StatusTeapot
	if err := g.spec.validate(req, undocumented); err == nil {
		t.Error("an undocumented status validated")
	}
}

// TestDocsPagesAndAssetsAreServed checks that the documentation needs no CDN.
func TestDocsPagesAndAssetsAreServed(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	for _, page := range []string{"/docs", "/redoc"} {
		r := g.do(t, http.MethodGet, page, "", nil)
		if r.Status != http.StatusOK || strings.Contains(string(r.Body), "https://") {
			t.Errorf("%s: status %d, body mentions an external URL: %s", page, r.Status, r.Body)
		}
	}
	for _, asset := range []string{"/docs/assets/swagger-ui/swagger-ui-bundle.js", "/docs/assets/swagger-ui/swagger-ui.css",
		"/docs/assets/swagger-init.js", "/docs/assets/redoc/redoc.standalone.js", "/docs/assets/redoc/LICENSE"} {
		resp, err := http.Get(g.base + asset)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", asset, resp.StatusCode)
		}
	}
}

// openAPIPath turns gin's /users/:id into /users/{id}.
func openAPIPath(ginPath string) string {
	segs := strings.Split(ginPath, "/")
	for i, s := range segs {
		if name, ok := strings.CutPrefix(s, ":"); ok {
			segs[i] = "{" + name + "}"
		}
	}
	return strings.Join(segs, "/")
}

// routed reports whether gin routes method on the OpenAPI path.
func routed(g *gateway, method, path string) bool {
	for _, r := range g.routes {
		if r.Method == method && openAPIPath(r.Path) == path {
			return true
		}
	}
	return false
}

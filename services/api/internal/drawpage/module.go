// Package drawpage is the public draw page of a pool, GET /pools/{id}/draw: an HTML page
// (no login, no external assets) that shows the pool, its commitment and draw terms, the
// tickets hash and the winners, and recomputes tickup-draw-v1 from the published proof in
// the visitor's browser (docs/fairness.md).
package drawpage

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

//go:embed assets
var assets embed.FS

// AssetsPath is where the page's script and style sheet are served, under the group.
const AssetsPath = "/draw-page"

// contentSecurityPolicy lets the page run only its own script and style sheet and fetch
// nothing: whatever a proof contains, it is data, never markup or code.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Module serves the draw page and its assets.
type Module struct {
	pools  Pools
	proofs Proofs
	log    *slog.Logger
	page   *template.Template
}

// NewModule returns the draw page over the pools and proofs it shows.
func NewModule(pools Pools, proofs Proofs, log *slog.Logger) *Module {
	page := template.Must(template.ParseFS(assets, "assets/page.html"))
	return &Module{pools: pools, proofs: proofs, log: log, page: page}
}

// Register adds GET /pools/{id}/draw and the page's static assets.
func (m *Module) Register(r *httpapi.Routes) {
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/pools/{id}/draw", Access: httpapi.Open, Tags: []string{"draws"},
		Summary: "The public draw page of a pool",
		Description: "An HTML page, for people: the pool, its commitment and draw terms, and once drawn the tickets hash, " +
			"the winners and the proof, with a button that recomputes tickup-draw-v1 in the browser and says VALID " +
			"or what differs. 404 for an unknown pool; a pool not drawn yet shows what is already fixed.",
		Responses: []openapi.Response{{Status: http.StatusOK, ContentType: "text/html"}},
		Problems:  []int{http.StatusNotFound},
	}, m.serve)
	static, err := fs.Sub(assets, "assets/static")
	if err != nil {
		panic(err) // the embedded directory exists by construction
	}
	r.StaticFS(AssetsPath, static)
}

// serve answers GET /pools/{id}/draw.
func (m *Module) serve(c *gin.Context) {
	poolID, err := validate.PathUUID(c, "id")
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	v, err := m.view(c, poolID)
	if err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	var body bytes.Buffer
	if err := m.page.Execute(&body, v); err != nil {
		problem.Fail(c, m.log, err)
		return
	}
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "text/html; charset=utf-8", body.Bytes())
}

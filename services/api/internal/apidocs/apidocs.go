// Package apidocs serves the API's documentation: the OpenAPI document at /openapi.json,
// Swagger UI at /docs and ReDoc at /redoc, with their assets embedded in the binary.
package apidocs

import (
	"embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
)

//go:embed assets
var assets embed.FS

// Module serves the documentation routes at the root.
type Module struct {
	once sync.Once
	spec []byte
	err  error
}

// NewModule returns the documentation module.
func NewModule() *Module { return &Module{} }

// Register adds /openapi.json, /docs, /redoc and the static assets.
func (m *Module) Register(r *httpapi.Routes) {
	r.Document().AddTag("docs", "This documentation.")
	files, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded directory exists by construction
	}
	doc := r.Document()
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/openapi.json", Access: httpapi.Open, Tags: []string{"docs"},
		Summary:   "This API's OpenAPI 3.1 document",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: map[string]any{}}},
	}, func(c *gin.Context) { m.serveSpec(c, doc) })
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/docs", Access: httpapi.Open, Tags: []string{"docs"},
		Summary: "Swagger UI", Responses: []openapi.Response{{Status: http.StatusOK, ContentType: "text/html"}},
	}, page(files, "docs.html"))
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/redoc", Access: httpapi.Open, Tags: []string{"docs"},
		Summary: "ReDoc", Responses: []openapi.Response{{Status: http.StatusOK, ContentType: "text/html"}},
	}, page(files, "redoc.html"))
	r.StaticFS("/docs/assets", files)
}

// serveSpec answers the document, rendered once: every route is registered by then.
func (m *Module) serveSpec(c *gin.Context, doc *openapi.Document) {
	m.once.Do(func() { m.spec, m.err = json.Marshal(doc) })
	if m.err != nil {
		problem.Write(c, problem.FromError(m.err))
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Data(http.StatusOK, "application/json", m.spec)
}

// page serves an embedded HTML file.
func page(files fs.FS, name string) gin.HandlerFunc {
	body, err := fs.ReadFile(files, name)
	if err != nil {
		panic(err)
	}
	return func(c *gin.Context) {
		c.Data(http.StatusOK, "text/html; charset=utf-8", body)
	}
}

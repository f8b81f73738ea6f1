package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/openapi"
)

// healthModule serves the platform's /healthz, /readyz and /metrics at the root.
type healthModule struct {
	handler http.Handler
}

// liveness is the answer of /healthz.
type liveness struct {
	Status string `json:"status" enum:"ok"`
}

// readiness is the 200 answer of /readyz.
type readiness struct {
	Status string            `json:"status" enum:"ready"`
	Checks map[string]string `json:"checks" doc:"Each dependency (db, nats) and its state."`
}

// Register adds the health routes.
func (m healthModule) Register(r *httpapi.Routes) {
	r.Document().AddTag("operations", "Health and metrics.")
	h := gin.WrapH(m.handler)
	tags := []string{"operations"}
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/healthz", Access: httpapi.Open, Tags: tags,
		Summary: "Liveness", Responses: []openapi.Response{{Status: http.StatusOK, Body: liveness{}}}}, h)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/readyz", Access: httpapi.Open, Tags: tags,
		Summary:   "Readiness: the database and NATS really answer",
		Responses: []openapi.Response{{Status: http.StatusOK, Body: readiness{}}},
		Problems:  []int{http.StatusServiceUnavailable}}, h)
	r.Handle(httpapi.Route{Method: http.MethodGet, Path: "/metrics", Access: httpapi.Open, Tags: tags,
		Summary: "Prometheus metrics", Responses: []openapi.Response{{Status: http.StatusOK, ContentType: "text/plain"}}}, h)
}

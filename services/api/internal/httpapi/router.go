// Package httpapi is the gateway's HTTP skeleton: a gin engine with the middleware every
// request goes through (request id, access log, panic recovery, CORS, body limit, problem
// answers for unknown routes), and Routes, through which resource modules add handlers
// and document them in the OpenAPI document in the same call.
package httpapi

import (
	"fmt"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/problem"
)

// DefaultMaxBodyBytes bounds every request body (1 MiB).
const DefaultMaxBodyBytes = 1 << 20

// Config configures a Router.
type Config struct {
	Log            *slog.Logger
	Metrics        prometheus.Registerer // nil: no HTTP metrics
	CORSOrigins    []string              // allowed browser origins; "*" allows any
	TrustedProxies []string              // CIDRs whose X-Forwarded-For is believed; none by default
	MaxBodyBytes   int64                 // default DefaultMaxBodyBytes
	Info           openapi.Info
	Middlewares    Middlewares
}

// Router is the gateway's engine and OpenAPI document.
type Router struct {
	engine *gin.Engine
	doc    *openapi.Document
	mw     Middlewares
	log    *slog.Logger
}

// New builds the engine and installs the global middleware.
func New(cfg Config) (*Router, error) {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	engine := gin.New()
	if err := engine.SetTrustedProxies(cfg.TrustedProxies); err != nil {
		return nil, fmt.Errorf("http router: trusted proxies: %w", err)
	}
	engine.ContextWithFallback = true
	engine.Use(Trace(), problem.RequestID(), AccessLog(cfg.Log))
	if cfg.Metrics != nil {
		m, err := newHTTPMetrics(cfg.Metrics)
		if err != nil {
			return nil, err
		}
		engine.Use(m.middleware())
	}
	engine.Use(problem.Recovery(cfg.Log), CORS(cfg.CORSOrigins), LimitBody(cfg.MaxBodyBytes))
	problem.RegisterFallbacks(engine)
	return &Router{engine: engine, doc: openapi.New(cfg.Info, problem.Problem{}), mw: cfg.Middlewares, log: cfg.Log}, nil
}

// Group returns the Routes under prefix ("/api/v1", or "" for the root).
func (r *Router) Group(prefix string) *Routes {
	return &Routes{router: r, prefix: prefix, group: r.engine.Group(prefix)}
}

// Handler is the http.Handler to serve.
func (r *Router) Handler() http.Handler { return r.engine }

// Engine exposes the gin engine, for tests that list its routes.
func (r *Router) Engine() *gin.Engine { return r.engine }

// Document is the OpenAPI document the routes have filled.
func (r *Router) Document() *openapi.Document { return r.doc }

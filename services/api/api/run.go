// Package api is the API gateway: the only public HTTP surface of Tickup (REST under
// /api/v1, payment webhooks, realtime streams, docs), plus /healthz, /readyz and /metrics.
package api

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/service"
)

// Name is the service's name and its database schema.
const Name = "api"

// Migrations are the service's own tables; nil until it has any.
var Migrations fs.FS

// Run runs the API gateway on BACKEND_PORT until ctx is cancelled.
func Run(ctx context.Context, cfg config.Config) error {
	rt, err := service.Start(ctx, cfg, service.Spec{Name: Name, Migrations: Migrations})
	if err != nil {
		return err
	}
	if err := rt.ServeHTTP(fmt.Sprintf(":%d", cfg.HTTPPort), "http", newRouter(rt)); err != nil {
		return rt.Abort(err)
	}
	return rt.Run(ctx)
}

func newRouter(rt *service.Runtime) http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(gin.Recovery())
	health := gin.WrapH(rt.HealthHandler())
	r.GET("/healthz", health)
	r.GET("/readyz", health)
	r.GET("/metrics", health)
	return r
}

// Package api is the API gateway: the only public HTTP surface of Tickup (REST under
// /api/v1, payment webhooks, realtime streams, docs), plus /healthz, /readyz and /metrics.
package api

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/service"
)

// Name is the service's name and its database schema.
const Name = "api"

// BasePath prefixes the REST routes.
const BasePath = "/api/v1"

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migrations are the service's own tables (app_user, idempotency_key).
var Migrations = migrations()

// migrations returns the migration files at the root of an fs.FS, as db.Migrate wants.
func migrations() fs.FS {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		panic(err) // the embedded directory exists by construction
	}
	return sub
}

// Run runs the API gateway on BACKEND_PORT until ctx is cancelled; cfg.Gateway holds its
// own settings.
func Run(ctx context.Context, cfg config.Config) error {
	return RunWith(ctx, cfg, Options{})
}

// RunWith is Run with a test's additions (the whole-system tests in e2e/ start gateways with it).
func RunWith(ctx context.Context, cfg config.Config, opts Options) error {
	rt, err := service.Start(ctx, cfg, service.Spec{Name: Name, Migrations: Migrations, Log: opts.Log})
	if err != nil {
		return err
	}
	router, err := newGateway(rt, opts)
	if err != nil {
		return rt.Abort(err)
	}
	if opts.onRouter != nil {
		opts.onRouter(router)
	}
	if err := rt.ServeHTTP(fmt.Sprintf(":%d", cfg.HTTPPort), "http", router.Handler()); err != nil {
		return rt.Abort(err)
	}
	return rt.Run(ctx)
}

// Package draw is the draw service: commitments to and provably fair
// draws of full pools (tickup-draw-v1).
package draw

import (
	"context"
	"crypto/rand"
	"embed"
	"io/fs"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/service"
	"tickup.dev/services/draw/internal/adapters"
	"tickup.dev/services/draw/internal/app"
	"tickup.dev/services/draw/internal/ports"
)

// Name is the service's name and its database schema.
const Name = "draw"

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations are the service's own tables.
var Migrations fs.FS = mustSub(migrations, "migrations")

// Run runs the draw service until ctx is cancelled.
func Run(ctx context.Context, cfg config.Config) error {
	rt, err := service.Start(ctx, cfg, service.Spec{Name: Name, Migrations: Migrations})
	if err != nil {
		return err
	}
	if err := serveRPC(rt); err != nil {
		return rt.Abort(err)
	}
	if err := rt.ServeHealth(); err != nil {
		return rt.Abort(err)
	}
	return rt.Run(ctx)
}

// serveRPC registers the micro endpoints and flushes, so they answer once Run reports ready.
func serveRPC(rt *service.Runtime) error {
	svc, err := rt.Micro("Tickup draw: commitments and provably fair draws")
	if err != nil {
		return err
	}
	commit := app.CommitPool{Seeds: adapters.SeedRepository{DB: rt.DB}, Random: rand.Reader}
	if err := (ports.RPC{Commit: commit, Log: rt.Log}).Register(svc); err != nil {
		return err
	}
	return rt.Bus.NC.Flush()
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the embedded directory is fixed at compile time
	}
	return sub
}

// Package draw is the draw service: commitments to and provably fair
// draws of full pools (tickup-draw-v1).
package draw

import (
	"context"
	"embed"
	"io/fs"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/service"

	"tickup.dev/pkg/contract/events"
)

// Name is the service's name and its database schema.
const Name = "draw"

// PoolsDurable is the durable consumer of ticketing.pool.full on the TICKETING stream,
// shared by the replicas (and the inbox consumer name).
const PoolsDurable = events.DurableDrawPools

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
	w, err := wire(rt)
	if err != nil {
		return rt.Abort(err)
	}
	if err := w.start(ctx); err != nil {
		return rt.Abort(err)
	}
	if err := rt.ServeHealth(); err != nil {
		return rt.Abort(err)
	}
	return rt.Run(ctx)
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the embedded directory is fixed at compile time
	}
	return sub
}

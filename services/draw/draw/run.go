// Package draw is the draw service: commitments to and provably fair
// draws of full pools (tickup-draw-v1).
package draw

import (
	"context"
	"io/fs"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/service"
)

// Name is the service's name and its database schema.
const Name = "draw"

// Migrations are the service's own tables; nil until it has any.
var Migrations fs.FS

// Run runs the draw service until ctx is cancelled.
func Run(ctx context.Context, cfg config.Config) error {
	rt, err := service.Start(ctx, cfg, service.Spec{Name: Name, Migrations: Migrations})
	if err != nil {
		return err
	}
	if err := rt.ServeHealth(); err != nil {
		return rt.Abort(err)
	}
	return rt.Run(ctx)
}

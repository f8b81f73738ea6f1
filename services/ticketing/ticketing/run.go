// Package ticketing is the ticketing service: prizes and their stock, pools and their state
// machine, ticket numbering, and the BOOST and RETRY rules.
package ticketing

import (
	"context"
	"io/fs"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/service"
)

// Name is the service's name and its database schema.
const Name = "ticketing"

// Migrations are the service's own tables; nil until it has any.
var Migrations fs.FS

// Run runs the ticketing service until ctx is cancelled.
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

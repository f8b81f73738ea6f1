// Package wallet is the wallet service: balances, holds, captures, refunds, payouts, top-ups,
// withdrawals and adjustments over an append-only ledger.
package wallet

import (
	"context"
	"io/fs"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/service"
)

// Name is the service's name and its database schema.
const Name = "wallet"

// Migrations are the service's own tables; nil until it has any.
var Migrations fs.FS

// Run runs the wallet service until ctx is cancelled.
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

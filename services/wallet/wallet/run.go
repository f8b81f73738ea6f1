// Package wallet is the wallet service: balances, holds, captures, refunds, payouts, top-ups,
// withdrawals and adjustments over an append-only ledger.
package wallet

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/service"
	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/ports"
)

// Name is the service's name and its database schema.
const Name = "wallet"

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations are the service's own tables (the NNNN_name.sql files of migrations/).
var Migrations fs.FS = mustSub(migrations, "migrations")

// Run runs the wallet service until ctx is cancelled, with its settings from cfg (the
// wallet.* keys and holds.ttl).
func Run(ctx context.Context, cfg config.Config) error {
	rt, err := service.Start(ctx, cfg, service.Spec{Name: Name, Migrations: Migrations})
	if err != nil {
		return err
	}
	appCfg := appConfig(cfg)
	a := app.New(adapters.NewStore(rt.DB), appCfg, rt.Log)
	batch := inbox.Transactor(rt.DB, func(tx *gorm.DB) app.Application {
		return app.New(adapters.Bind(tx), appCfg, rt.Log) // an event batch's unit of work
	})
	if err := serve(ctx, rt, a, batch); err != nil {
		return rt.Abort(err)
	}
	return rt.Run(ctx)
}

// serve registers the endpoints and consumers, then the health endpoints: the service
// reports ready only once it can answer. There is no hold sweeper: the api decides when a
// purchase's hold has expired, and the wallet releases it on purchase.failed.
func serve(ctx context.Context, rt *service.Runtime, a app.Application, batch bus.Transactor[app.Application]) error {
	svc, err := rt.Micro("Tickup wallet: balances, holds, top-ups, withdrawals, ledger")
	if err != nil {
		return err
	}
	if err := ports.RegisterRPC(svc, a, rt.Log); err != nil {
		return err
	}
	if err := rt.Bus.NC.Flush(); err != nil {
		return fmt.Errorf("flush rpc subscriptions: %w", err)
	}
	for _, r := range ports.Routers(batch) {
		if err := rt.Route(ctx, r); err != nil {
			return err
		}
	}
	if err := rt.QueryMetric(false, "tickup_wallet_active_holds", "Wallet holds placed and not yet captured or released.",
		`SELECT count(*) FROM wallet_hold WHERE status = 'ACTIVE'`); err != nil {
		return err
	}
	return rt.ServeHealth()
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the embedded directory is fixed at compile time
	}
	return sub
}

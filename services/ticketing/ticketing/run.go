// Package ticketing is the ticketing service: prizes and their stock, pools and their state
// machine, ticket numbering, and the BOOST and RETRY rules.
package ticketing

import (
	"context"
	"embed"
	"io/fs"
	"time"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/service"

	"tickup.dev/pkg/contract/events"
)

// Name is the service's name and its database schema.
const Name = "ticketing"

// Durable consumer names, shared by the replicas (and the inbox consumer names).
const (
	PurchasesDurable = events.DurableTicketingPurchases
	DrawsDurable     = events.DurableTicketingDraws
	ReversalsDurable = events.DurableTicketingReversals
)

// IssueTransactionsMetric counts the committed issuance transactions; /metrics on the
// health port serves it (tests read it there).
const IssueTransactionsMetric = "tickup_ticketing_issue_transactions_total"

const (
	issueBatchSize = 500         // confirmed purchases fetched, and issued, per transaction
	sweepEvery     = time.Second // how often OPEN pools past closes_at are looked for
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations are the service's own tables.
var Migrations fs.FS = mustSub(migrations, "migrations")

// Run runs the ticketing service until ctx is cancelled.
func Run(ctx context.Context, cfg config.Config) error {
	rt, err := service.Start(ctx, cfg, service.Spec{Name: Name, Migrations: Migrations})
	if err != nil {
		return err
	}
	if err := wire(ctx, rt); err != nil {
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

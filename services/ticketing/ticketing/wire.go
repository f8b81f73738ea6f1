package ticketing

import (
	"context"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/service"
	"tickup.dev/services/ticketing/internal/adapters"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/ports"
)

// wire builds the application on the runtime and registers its endpoints, its consumers
// and the deadline sweeper.
func wire(ctx context.Context, rt *service.Runtime) error {
	a := app.New(app.Deps{Prizes: adapters.PrizeRepository{DB: rt.DB}, Pools: adapters.PoolRepository{DB: rt.DB},
		Tickets: adapters.TicketRepository{DB: rt.DB}, Draw: adapters.DrawCommitter{Client: drawrpc.NewClient(rt.Bus.NC)},
		Now: time.Now})
	if err := serveRPC(rt, a); err != nil {
		return err
	}
	issued := prometheus.NewCounter(prometheus.CounterOpts{Name: IssueTransactionsMetric,
		Help: "Committed ticket issuance transactions (one per batch of confirmed purchases)."})
	if err := rt.Metrics.Register(issued); err != nil {
		return fmt.Errorf("register metrics: %w", err)
	}
	if err := rt.QueryMetric(true, "tickup_tickets_issued_total", "Tickets issued (voided ones included).",
		`SELECT count(*) FROM ticket`); err != nil {
		return err
	}
	durables := ports.Durables{Purchases: PurchasesDurable, Draws: DrawsDurable, Reversals: ReversalsDurable,
		IssueBatch: issueBatchSize}
	consumers := ports.Consumers{App: a, Issued: issued}
	for _, r := range consumers.Routers(inbox.Transactor(rt.DB, adapters.Bind), durables) {
		if err := rt.Route(ctx, r); err != nil {
			return err
		}
	}
	sweeper := ports.Sweeper{Sweep: a.Commands.SweepDeadlines, Every: sweepEvery, Log: rt.Log}
	rt.Go("deadline-sweeper", sweeper.Run)
	return nil
}

// serveRPC registers the micro endpoints and flushes, so they answer once Run is ready.
func serveRPC(rt *service.Runtime, a app.Application) error {
	svc, err := rt.Micro("Tickup ticketing: prizes, pools and tickets")
	if err != nil {
		return err
	}
	if err := ports.NewRPC(a, rt.Log).Register(svc); err != nil {
		return err
	}
	return rt.Bus.NC.Flush()
}

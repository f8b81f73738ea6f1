package ticketing

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/service"
	"tickup.dev/services/ticketing/internal/adapters"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/ports"
)

// wire builds the use cases on the runtime and registers the endpoints, the consumers and
// the deadline sweeper.
func wire(ctx context.Context, rt *service.Runtime) error {
	pools := adapters.PoolRepository{DB: rt.DB}
	if err := serveRPC(rt, pools); err != nil {
		return err
	}
	issued := prometheus.NewCounter(prometheus.CounterOpts{Name: IssueTransactionsMetric,
		Help: "Committed ticket issuance transactions (one per batch of confirmed purchases)."})
	if err := rt.Metrics.Register(issued); err != nil {
		return fmt.Errorf("register metrics: %w", err)
	}
	issue := app.IssueTickets{Issuer: adapters.IssueStore{DB: rt.DB, Consumer: PurchasesDurable},
		Now: time.Now, Transactions: issued}
	err := rt.Consume(ctx, bus.ConsumerSpec{Stream: events.StreamAPI, Durable: PurchasesDurable,
		FilterSubjects: events.Filters(events.TypePurchaseConfirmed), BatchSize: issueBatchSize},
		ports.Purchases{Issue: issue}.Handle)
	if err != nil {
		return err
	}
	draws := ports.Draws{
		Record: func(tx *gorm.DB) app.RecordDraw {
			return app.RecordDraw{Pools: adapters.PoolRepository{DB: tx}, Now: time.Now}
		},
		Permanent: func(err error) bool { return errors.Is(err, adapters.ErrBadDrawResult) },
	}
	err = rt.Consume(ctx, bus.ConsumerSpec{Stream: events.StreamDraw, Durable: DrawsDurable,
		FilterSubjects: events.Filters(events.TypeDrawCompleted)}, inbox.Handler(rt.DB, DrawsDurable, draws.Handle))
	if err != nil {
		return err
	}
	reversals := ports.Reversals{Void: func(tx *gorm.DB) app.VoidReversed {
		return app.VoidReversed{Reversals: adapters.ReversalRepository{DB: tx}, Now: time.Now}
	}}
	err = rt.Consume(ctx, bus.ConsumerSpec{Stream: events.StreamAPI, Durable: ReversalsDurable,
		FilterSubjects: events.Filters(events.TypePurchaseRefunded, events.TypePurchaseDisputed)},
		inbox.Handler(rt.DB, ReversalsDurable, reversals.Handle))
	if err != nil {
		return err
	}
	sweep := app.SweepDeadlines{Pools: pools, Now: time.Now}
	rt.Go("deadline-sweeper", ports.Sweeper{Sweep: sweep, Every: sweepEvery, Log: rt.Log}.Run)
	return nil
}

// serveRPC registers the micro endpoints and flushes, so they answer once Run is ready.
func serveRPC(rt *service.Runtime, pools adapters.PoolRepository) error {
	svc, err := rt.Micro("Tickup ticketing: prizes, pools and tickets")
	if err != nil {
		return err
	}
	prizes := adapters.PrizeRepository{DB: rt.DB}
	endpoints := ports.RPC{
		Prizes: app.PrizeService{Prizes: prizes, Now: time.Now},
		Pools: app.PoolService{Pools: pools, Prizes: prizes, Now: time.Now,
			Draw: adapters.DrawCommitter{Client: drawrpc.NewClient(rt.Bus.NC)}},
		Tickets: app.TicketService{Tickets: adapters.TicketRepository{DB: rt.DB}, Pools: pools},
		Log:     rt.Log,
	}
	if err := endpoints.Register(svc); err != nil {
		return err
	}
	return rt.Bus.NC.Flush()
}

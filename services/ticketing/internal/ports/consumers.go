package ports

import (
	"context"
	"errors"

	"github.com/prometheus/client_golang/prometheus"

	"tickup.dev/pkg/bus"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// Durables names the durable consumers (replicas share them; deployed consumers keep their
// state under these names) and the size of an issuance batch.
type Durables struct {
	Purchases, Draws, Reversals string
	IssueBatch                  int // confirmed purchases fetched, and issued, per transaction
}

// Consumers maps each consumed event to the command it triggers.
type Consumers struct {
	App app.Application
	// Issued counts the committed issuance transactions, one per batch.
	Issued prometheus.Counter
}

// Routers returns the three consumers. The router claims each batch in the inbox and runs
// it in one transaction of tx; a failed batch is rolled back and retried one by one.
func (c Consumers) Routers(tx bus.Transactor[app.Tx], d Durables) []*bus.Router[app.Tx] {
	purchases := bus.NewRouter(bus.ConsumerSpec{Durable: d.Purchases, BatchSize: d.IssueBatch}, tx)
	bus.OnBatch(purchases, c.issueTickets)
	purchases.Use(countCommits(c.Issued))

	draws := bus.NewRouter(bus.ConsumerSpec{Durable: d.Draws}, tx)
	bus.On(draws, c.recordDraw)
	draws.Permanent(func(err error) bool {
		var refused *domain.Error // an unknown pool, or one that cannot have been drawn
		return errors.Is(err, domain.ErrBadDrawResult) || errors.As(err, &refused)
	})

	reversals := bus.NewRouter(bus.ConsumerSpec{Durable: d.Reversals}, tx)
	bus.On(reversals, c.refunded)
	bus.On(reversals, c.disputed)
	return []*bus.Router[app.Tx]{purchases, draws, reversals}
}

// countCommits counts the batches whose transaction committed (the handler returned nil).
func countCommits(c prometheus.Counter) bus.Middleware {
	return func(next bus.BatchHandler) bus.BatchHandler {
		return func(ctx context.Context, batch []bus.Delivery) error {
			err := next(ctx, batch)
			if err == nil {
				c.Inc()
			}
			return err
		}
	}
}

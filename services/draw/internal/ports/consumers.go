package ports

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/draw/internal/app"
)

// Consumers maps each consumed event to the command it triggers.
type Consumers struct {
	App  app.Application
	Now  func() time.Time // when an event carries no time
	Wake chan<- struct{}  // told, without blocking, after every committed batch
}

// Pools returns the consumer of ticketing.pool.full under the durable name durable. The
// router claims each batch in the inbox and runs it in one transaction of tx, so a draw
// request commits with its inbox row; after a commit the drawer is woken.
func (c Consumers) Pools(tx bus.Transactor[app.Tx], durable string) *bus.Router[app.Tx] {
	r := bus.NewRouter(bus.ConsumerSpec{Durable: durable}, tx)
	bus.On(r, c.requestDraw)
	r.Use(wakeAfterCommit(c.Wake))
	return r
}

// requestDraw queues the full pool for its draw.
func (c Consumers) requestDraw(ctx context.Context, tx app.Tx, e events.PoolFull) error {
	poolID, err := uuid.Parse(e.PoolID)
	if err != nil {
		return bus.Poison(fmt.Errorf("pool id %q: %w", e.PoolID, err))
	}
	// The event's time is when the pool became FULL (its outbox row's), the same on every
	// redelivery; the beacon round is fixed from it.
	ev, _ := bus.EventOf(ctx)
	fullAt := ev.Time
	if fullAt.IsZero() {
		fullAt = c.Now()
	}
	return c.App.Commands.RequestDraw.Handle(ctx, tx, poolID, fullAt)
}

// wakeAfterCommit tells wake, without waiting, when a batch's transaction committed.
func wakeAfterCommit(wake chan<- struct{}) bus.Middleware {
	return func(next bus.BatchHandler) bus.BatchHandler {
		return func(ctx context.Context, batch []bus.Delivery) error {
			err := next(ctx, batch)
			if err == nil {
				select {
				case wake <- struct{}{}:
				default:
				}
			}
			return err
		}
	}
}

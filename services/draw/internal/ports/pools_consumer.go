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

// RoutePools adds draw's handler of ticketing.pool.full to r: the pool is queued for its
// draw by RequestDraw, which the router binds to the batch's transaction (so the request and
// the inbox row commit together).
func RoutePools(r *bus.Router[app.RequestDraw], now func() time.Time) {
	bus.On(r, func(ctx context.Context, request app.RequestDraw, e events.PoolFull) error {
		poolID, err := uuid.Parse(e.PoolID)
		if err != nil {
			return bus.Poison(fmt.Errorf("pool id %q: %w", e.PoolID, err))
		}
		// The event's time is when the pool became FULL (its outbox row's), the same on every
		// redelivery; the beacon round is fixed from it.
		ev, _ := bus.EventOf(ctx)
		fullAt := ev.Time
		if fullAt.IsZero() {
			fullAt = now()
		}
		return request.Handle(ctx, poolID, fullAt)
	})
}

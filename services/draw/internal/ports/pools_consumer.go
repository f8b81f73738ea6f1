package ports

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/draw/internal/app"
)

// PoolsConsumer consumes ticketing.pool.full: the pool is queued for its draw.
type PoolsConsumer struct {
	// Request returns the use case bound to the inbox transaction tx, so the request and
	// the inbox row commit together.
	Request func(tx *gorm.DB) app.RequestDraw
	Now     func() time.Time
}

// Handle is an inbox.Func.
func (c PoolsConsumer) Handle(ctx context.Context, tx *gorm.DB, d bus.Delivery) error {
	e, err := events.Decode[events.PoolFull](d.Data)
	if err != nil {
		return bus.Poison(err)
	}
	poolID, err := uuid.Parse(e.PoolID)
	if err != nil {
		return bus.Poison(fmt.Errorf("pool id %q: %w", e.PoolID, err))
	}
	// The event's time is when the pool became FULL (its outbox row's), the same on every
	// redelivery; the beacon round is fixed from it.
	fullAt := d.Time
	if fullAt.IsZero() {
		fullAt = c.Now()
	}
	return c.Request(tx).Handle(ctx, poolID, fullAt)
}

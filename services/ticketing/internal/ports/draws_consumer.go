package ports

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// Draws consumes draw.draw.completed: the pool becomes DRAWN, its tickets WON or LOST.
type Draws struct {
	// Record returns the use case bound to the inbox transaction tx, so the result and
	// the inbox row commit together.
	Record func(tx *gorm.DB) app.RecordDraw
	// Permanent reports adapter errors that no retry can fix.
	Permanent func(error) bool
}

// Handle is an inbox.Func.
func (c Draws) Handle(ctx context.Context, tx *gorm.DB, d bus.Delivery) error {
	e, err := events.Decode[events.DrawCompleted](d.Data)
	if err != nil {
		return bus.Poison(err)
	}
	poolID, err := uuid.Parse(e.PoolID)
	if err != nil {
		return bus.Poison(fmt.Errorf("pool id %q: %w", e.PoolID, err))
	}
	ids := make([]string, 0, len(e.Winners))
	for _, w := range e.Winners {
		ids = append(ids, w.TicketID)
	}
	winners, err := uuids(ids)
	if err != nil {
		return bus.Poison(fmt.Errorf("winner ticket: %w", err))
	}
	err = c.Record(tx).Handle(ctx, poolID, winners)
	var de *domain.Error
	if errors.As(err, &de) || (err != nil && c.Permanent(err)) {
		return bus.Poison(err) // an unknown pool, one not drawable, or winners it does not have
	}
	return err
}

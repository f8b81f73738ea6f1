package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// RecordDraw records a pool's draw result: the pool DRAWN, its winners WON and its other
// tickets LOST (which lets their owners RETRY). A result recorded before changes nothing.
type RecordDraw struct {
	Now func() time.Time
}

// Handle records the winners of poolID in the unit of work tx.
func (h RecordDraw) Handle(ctx context.Context, tx Tx, poolID uuid.UUID, winners []uuid.UUID) error {
	now := h.Now().UTC()
	return tx.Draws.Record(ctx, poolID, func(p domain.Pool) (domain.DrawResult, bool, error) {
		return domain.RecordDraw(p, winners, now)
	})
}

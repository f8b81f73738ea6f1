package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// DeletePrize deletes a prize none of whose pools is in play.
type DeletePrize struct {
	Prizes Prizes
	Now    func() time.Time
}

// Handle deletes prize id.
func (h DeletePrize) Handle(ctx context.Context, id uuid.UUID) error {
	return h.Prizes.Delete(ctx, id, h.Now().UTC(), func(active int) error {
		if active > 0 {
			return domain.ErrPrizeInUse(id, active)
		}
		return nil
	})
}

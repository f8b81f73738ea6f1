package app

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// DeletePrize deletes a prize none of whose pools is in play.
type DeletePrize struct {
	Prizes Prizes
}

// Handle deletes prize id.
func (h DeletePrize) Handle(ctx context.Context, id uuid.UUID) error {
	return h.Prizes.Delete(ctx, id, func(active int) error {
		if active > 0 {
			return domain.ErrPrizeInUse(id, active)
		}
		return nil
	})
}

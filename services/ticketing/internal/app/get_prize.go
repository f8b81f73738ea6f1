package app

import (
	"context"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// GetPrize returns a live prize.
type GetPrize struct {
	Prizes Prizes
}

// Handle returns prize id.
func (h GetPrize) Handle(ctx context.Context, id uuid.UUID) (domain.Prize, error) {
	return h.Prizes.Get(ctx, id)
}

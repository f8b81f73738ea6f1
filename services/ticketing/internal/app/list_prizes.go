package app

import (
	"context"

	"tickup.dev/services/ticketing/internal/domain"
)

// ListPrizes returns a page of live prizes, oldest first.
type ListPrizes struct {
	Prizes Prizes
}

// Handle returns the page.
func (h ListPrizes) Handle(ctx context.Context, page Page) ([]domain.Prize, error) {
	return h.Prizes.List(ctx, page)
}

package app

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// CreatePrize validates and stores a new prize.
type CreatePrize struct {
	Prizes Prizes
	Now    func() time.Time
}

// Handle stores in as a new prize and returns it.
func (h CreatePrize) Handle(ctx context.Context, in domain.Prize) (domain.Prize, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return domain.Prize{}, fmt.Errorf("prize id: %w", err)
	}
	p, err := domain.NewPrize(id, in, h.Now().UTC())
	if err != nil {
		return domain.Prize{}, err
	}
	if err := h.Prizes.Create(ctx, p); err != nil {
		return domain.Prize{}, err
	}
	return p, nil
}

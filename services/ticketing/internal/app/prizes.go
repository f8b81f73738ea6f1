package app

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// PrizeService runs the prize commands and queries.
type PrizeService struct {
	Prizes Prizes
	Now    func() time.Time
}

// Create validates and stores a new prize.
func (s PrizeService) Create(ctx context.Context, in domain.Prize) (domain.Prize, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return domain.Prize{}, fmt.Errorf("prize id: %w", err)
	}
	p, err := domain.NewPrize(id, in, s.Now().UTC())
	if err != nil {
		return domain.Prize{}, err
	}
	if err := s.Prizes.Create(ctx, p); err != nil {
		return domain.Prize{}, err
	}
	return p, nil
}

// Get returns a prize.
func (s PrizeService) Get(ctx context.Context, id uuid.UUID) (domain.Prize, error) {
	return s.Prizes.Get(ctx, id)
}

// List returns a page of prizes.
func (s PrizeService) List(ctx context.Context, page Page) ([]domain.Prize, error) {
	return s.Prizes.List(ctx, page)
}

// Update applies a patch to a prize.
func (s PrizeService) Update(ctx context.Context, id uuid.UUID, patch domain.PrizePatch) (domain.Prize, error) {
	return s.Prizes.Update(ctx, id, func(p *domain.Prize) error { return patch.Apply(p, s.Now().UTC()) })
}

// Delete deletes a prize none of whose pools is in play.
func (s PrizeService) Delete(ctx context.Context, id uuid.UUID) error {
	return s.Prizes.Delete(ctx, id, func(active int) error {
		if active > 0 {
			return domain.ErrPrizeInUse(id, active)
		}
		return nil
	})
}

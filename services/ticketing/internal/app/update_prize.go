package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// UpdatePrize applies a patch to a prize.
type UpdatePrize struct {
	Prizes Prizes
	Now    func() time.Time
}

// Handle changes prize id as patch says and returns it.
func (h UpdatePrize) Handle(ctx context.Context, id uuid.UUID, patch domain.PrizePatch) (domain.Prize, error) {
	return h.Prizes.Update(ctx, id, func(p *domain.Prize) error { return patch.Apply(p, h.Now().UTC()) })
}

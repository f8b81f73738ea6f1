package app

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// PoolService runs the pool commands and queries.
type PoolService struct {
	Pools  Pools
	Prizes Prizes
	Draw   Committer
	Now    func() time.Time
}

// Create opens a pool: it checks the prize's stock, gets the pool's draw commitment and
// terms (none, no pool), then stores the pool and reserves the stock in one transaction.
func (s PoolService) Create(ctx context.Context, spec domain.PoolSpec) (domain.Pool, error) {
	prize, err := s.Prizes.Get(ctx, spec.PrizeID)
	if err != nil {
		return domain.Pool{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return domain.Pool{}, fmt.Errorf("pool id: %w", err)
	}
	pool, err := domain.NewPool(id, spec, prize, s.Now().UTC())
	if err != nil {
		return domain.Pool{}, err
	}
	if err := pool.CheckStock(prize); err != nil {
		return domain.Pool{}, err
	}
	commitment, terms, err := s.Draw.Commit(ctx, id, pool.WinnersCount)
	if err == nil {
		err = pool.CheckDrawTerms(terms)
	}
	if err != nil {
		return domain.Pool{}, domain.ErrDrawUnavailable(err)
	}
	pool.DrawCommitment, pool.DrawTerms = commitment, &terms
	if err := s.Pools.Create(ctx, pool); err != nil {
		return domain.Pool{}, err
	}
	return pool, nil
}

// Get returns a pool.
func (s PoolService) Get(ctx context.Context, id uuid.UUID) (domain.Pool, error) {
	return s.Pools.Get(ctx, id)
}

// List returns a page of pools.
func (s PoolService) List(ctx context.Context, f PoolFilter, page Page) ([]domain.Pool, error) {
	return s.Pools.List(ctx, f, page)
}

// Update applies a patch to an OPEN pool.
func (s PoolService) Update(ctx context.Context, id uuid.UUID, patch domain.PoolPatch) (domain.Pool, error) {
	return s.Pools.Update(ctx, id, func(p *domain.Pool) error { return patch.Apply(p, s.Now().UTC()) })
}

// Cancel cancels an OPEN pool at an administrator's request.
func (s PoolService) Cancel(ctx context.Context, id uuid.UUID, reason string) (domain.Pool, error) {
	if reason == "" {
		reason = domain.ReasonAdminCancelled
	}
	return s.Pools.Cancel(ctx, id, reason, s.Now().UTC())
}

// Start freezes a FULL pool's tickets for its draw; it is idempotent.
func (s PoolService) Start(ctx context.Context, id uuid.UUID) (domain.Pool, error) {
	return s.Pools.Start(ctx, id, s.Now().UTC())
}

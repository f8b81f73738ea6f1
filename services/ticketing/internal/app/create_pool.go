package app

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// CreatePool opens a pool: it checks the prize's stock, gets the pool's draw commitment and
// terms (none, no pool), then stores the pool and reserves the stock in one transaction.
type CreatePool struct {
	Pools  Pools
	Prizes Prizes
	Draw   Committer
	Now    func() time.Time
}

// Handle opens the pool spec describes and returns it.
func (h CreatePool) Handle(ctx context.Context, spec domain.PoolSpec) (domain.Pool, error) {
	prize, err := h.Prizes.Get(ctx, spec.PrizeID)
	if err != nil {
		return domain.Pool{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return domain.Pool{}, fmt.Errorf("pool id: %w", err)
	}
	pool, err := domain.NewPool(id, spec, prize, h.Now().UTC())
	if err != nil {
		return domain.Pool{}, err
	}
	if err := pool.CheckStock(prize); err != nil {
		return domain.Pool{}, err
	}
	commitment, terms, err := h.Draw.Commit(ctx, id, pool.WinnersCount)
	if err == nil {
		err = pool.CheckDrawTerms(terms)
	}
	if err != nil {
		return domain.Pool{}, domain.ErrDrawUnavailable(err)
	}
	pool.DrawCommitment, pool.DrawTerms = commitment, &terms
	if err := h.Pools.Create(ctx, pool); err != nil {
		return domain.Pool{}, err
	}
	return pool, nil
}

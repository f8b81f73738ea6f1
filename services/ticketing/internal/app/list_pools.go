package app

import (
	"context"

	"tickup.dev/services/ticketing/internal/domain"
)

// ListPools returns a page of pools, oldest first, narrowed by a filter.
type ListPools struct {
	Pools Pools
}

// Handle returns the page of the pools f matches.
func (h ListPools) Handle(ctx context.Context, f PoolFilter, page Page) ([]domain.Pool, error) {
	return h.Pools.List(ctx, f, page)
}

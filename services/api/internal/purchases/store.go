package purchases

import (
	"context"

	"tickup.dev/services/api/internal/app"
)

// ErrNotFound is the answer for a purchase that does not exist.
var ErrNotFound = app.ErrNotFound

// Store reads purchases for other modules (the seed's redeem) through the application's
// GetPurchase query.
type Store struct {
	get app.GetPurchase
}

// NewStore returns a store reading through a's queries.
func NewStore(a *app.Application) *Store { return &Store{get: a.Queries.GetPurchase} }

// Get returns one purchase, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (Purchase, error) {
	p, err := s.get.Handle(ctx, id)
	if err != nil {
		return Purchase{}, err
	}
	return fromDomain(p), nil
}

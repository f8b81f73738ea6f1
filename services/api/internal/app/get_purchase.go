package app

import (
	"context"

	"tickup.dev/services/api/internal/domain/purchase"
)

// GetPurchase reads one purchase (GET /purchases/{id}, the seed's redeem).
type GetPurchase struct{ reads PurchaseReads }

// Handle returns purchase id, or ErrNotFound.
func (q GetPurchase) Handle(ctx context.Context, id string) (purchase.Purchase, error) {
	return q.reads.Get(ctx, id)
}

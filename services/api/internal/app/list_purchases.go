package app

import (
	"context"

	"tickup.dev/services/api/internal/domain/purchase"
)

// ListPurchases lists purchases (GET /purchases), oldest first.
type ListPurchases struct{ reads PurchaseReads }

// PurchaseFilter narrows a list of purchases; empty fields do not filter.
type PurchaseFilter struct {
	UserID  string
	PoolID  string
	Status  string
	AfterID string // the last purchase_id of the previous page
}

// Handle returns up to limit purchases of f.
func (q ListPurchases) Handle(ctx context.Context, f PurchaseFilter, limit int) ([]purchase.Purchase, error) {
	return q.reads.List(ctx, f, limit)
}

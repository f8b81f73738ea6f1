package paymentcases

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Filter narrows the list; empty fields do not filter.
type Filter struct {
	Resolution string
	PurchaseID string
	AfterID    string // the last case_id of the previous page
}

// List returns up to limit cases of f, oldest first (case ids are v7 UUIDs).
func List(ctx context.Context, db *gorm.DB, f Filter, limit int) ([]Case, error) {
	q := db.WithContext(ctx).Table("payment_case").Select(columns).Order("case_id").Limit(limit)
	if f.Resolution != "" {
		q = q.Where("resolution = ?", f.Resolution)
	}
	if f.PurchaseID != "" {
		q = q.Where("purchase_id = ?", f.PurchaseID)
	}
	if f.AfterID != "" {
		q = q.Where("case_id > ?", f.AfterID)
	}
	var out []Case
	if err := q.Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("list payment cases: %w", err)
	}
	for i := range out {
		out[i].CreatedAt, out[i].UpdatedAt = out[i].CreatedAt.UTC(), out[i].UpdatedAt.UTC()
	}
	return out, nil
}

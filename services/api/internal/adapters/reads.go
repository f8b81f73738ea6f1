package adapters

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
)

// NewReads returns the read-only repositories over db.
func NewReads(db *gorm.DB) app.Reads {
	return app.Reads{Purchases: PurchaseReads{db: db}, Cases: CaseReads{db: db}}
}

// PurchaseReads is app.PurchaseReads: the purchase table, no locks.
type PurchaseReads struct{ db *gorm.DB }

// Get returns one purchase, or app.ErrNotFound.
func (r PurchaseReads) Get(ctx context.Context, id string) (purchase.Purchase, error) {
	var rows []purchaseRow
	err := r.db.WithContext(ctx).Raw(`SELECT `+purchaseColumns+` FROM purchase WHERE purchase_id = ?`, id).Scan(&rows).Error
	if err != nil {
		return purchase.Purchase{}, fmt.Errorf("get purchase %s: %w", id, err)
	}
	if len(rows) == 0 {
		return purchase.Purchase{}, app.ErrNotFound
	}
	return toPurchase(rows[0]), nil
}

// List returns up to limit purchases of f, oldest first (purchase ids are v7 UUIDs).
func (r PurchaseReads) List(ctx context.Context, f app.PurchaseFilter, limit int) ([]purchase.Purchase, error) {
	q := r.db.WithContext(ctx).Table("purchase").Select(purchaseColumns).Order("purchase_id").Limit(limit)
	q = where(q, "user_id", f.UserID)
	q = where(q, "pool_id", f.PoolID)
	q = where(q, "status", f.Status)
	if f.AfterID != "" {
		q = q.Where("purchase_id > ?", f.AfterID)
	}
	var rows []purchaseRow
	if err := q.Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list purchases: %w", err)
	}
	out := make([]purchase.Purchase, len(rows))
	for i, row := range rows {
		out[i] = toPurchase(row)
	}
	return out, nil
}

// CaseReads is app.CaseReads: the payment_case table.
type CaseReads struct{ db *gorm.DB }

// caseColumns reads a payment_case row into app.Case.
const caseColumns = `case_id::text AS case_id, purchase_id::text AS purchase_id, provider, event_id, event_type, kind,
	amount_cents, currency, purchase_status, COALESCE(pool_state, '') AS pool_state, resolution, detail, created_at, updated_at`

// List returns up to limit cases of f, oldest first (case ids are v7 UUIDs).
func (r CaseReads) List(ctx context.Context, f app.CaseFilter, limit int) ([]app.Case, error) {
	q := r.db.WithContext(ctx).Table("payment_case").Select(caseColumns).Order("case_id").Limit(limit)
	q = where(q, "resolution", f.Resolution)
	q = where(q, "purchase_id", f.PurchaseID)
	if f.AfterID != "" {
		q = q.Where("case_id > ?", f.AfterID)
	}
	var out []app.Case
	if err := q.Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("list payment cases: %w", err)
	}
	for i := range out {
		out[i].CreatedAt, out[i].UpdatedAt = out[i].CreatedAt.UTC(), out[i].UpdatedAt.UTC()
	}
	return out, nil
}

// where narrows q to column = value unless value is empty.
func where(q *gorm.DB, column, value string) *gorm.DB {
	if value == "" {
		return q
	}
	return q.Where(column+" = ?", value)
}

package adapters

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
)

// PaymentCases is app.PaymentCases over one transaction: the payment_case table.
type PaymentCases struct{ tx *gorm.DB }

// Record stores c (its id and times are set here).
func (r PaymentCases) Record(ctx context.Context, c app.Case) error {
	id, err := uuid.NewV7()
	if err != nil {
		return fmt.Errorf("payment case id: %w", err)
	}
	err = r.tx.WithContext(ctx).Exec(`INSERT INTO payment_case (case_id, purchase_id, provider, event_id, event_type, kind,
			amount_cents, currency, purchase_status, resolution, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, c.PurchaseID, c.Provider, c.EventID, c.EventType,
		c.Kind, c.AmountCents, c.Currency, c.PurchaseStatus, c.Resolution, c.Detail).Error
	if err != nil {
		return fmt.Errorf("record payment case of purchase %s: %w", c.PurchaseID, err)
	}
	return nil
}

// Resolve settles the pending cases of a purchase with ticketing's answer; the number of
// cases it settled (0 when none was pending: a redelivered answer).
func (r PaymentCases) Resolve(ctx context.Context, purchaseID string, rc purchase.ResolveCases) (int64, error) {
	res := r.tx.WithContext(ctx).Exec(`UPDATE payment_case SET resolution = ?, pool_state = NULLIF(?, ''),
			detail = CASE WHEN ? = '' THEN detail ELSE ? END, updated_at = now()
		WHERE purchase_id = ? AND resolution = ?`, rc.Resolution, rc.PoolState, rc.Detail, rc.Detail, purchaseID,
		purchase.CasePending)
	if res.Error != nil {
		return 0, fmt.Errorf("resolve payment cases of purchase %s: %w", purchaseID, res.Error)
	}
	return res.RowsAffected, nil
}

// DisputeTicketStood reads the latest DISPUTE case of the purchase: resolved for an
// operator with the pool's state, its ticket was kept.
func (r PaymentCases) DisputeTicketStood(ctx context.Context, purchaseID string) (bool, error) {
	var stood []bool
	err := r.tx.WithContext(ctx).Raw(`SELECT resolution = ? AND pool_state IS NOT NULL FROM payment_case
		WHERE purchase_id = ? AND kind = ? ORDER BY case_id DESC LIMIT 1`,
		purchase.CaseOperatorReview, purchaseID, purchase.CaseDispute).Scan(&stood).Error
	if err != nil {
		return false, fmt.Errorf("dispute case of purchase %s: %w", purchaseID, err)
	}
	return len(stood) == 1 && stood[0], nil
}

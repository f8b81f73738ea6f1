package purchases

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"gorm.io/gorm"

	"tickup.dev/pkg/outbox"
)

// legal lists the statuses each status may move to; FAILED and REFUNDED lead nowhere. A
// dispute ends REFUNDED (lost) or back CONFIRMED (won).
func legal() map[string][]string {
	return map[string][]string{
		StatusPending:   {StatusConfirmed, StatusFailed},
		StatusConfirmed: {StatusRefunded, StatusDisputed},
		StatusDisputed:  {StatusRefunded, StatusConfirmed},
	}
}

// Legal reports whether a purchase may move from one status to another.
func Legal(from, to string) bool { return slices.Contains(legal()[from], to) }

// Transition moves purchase id from status from to status to in tx, recording reason
// (FAILED, REFUNDED), and adds the event of its new status to the outbox. The guard is
// in the UPDATE itself, so of two concurrent attempts one wins; false (and no event)
// when the purchase was not in status from.
func Transition(ctx context.Context, tx *gorm.DB, id, from, to, reason string) (Purchase, bool, error) {
	if !Legal(from, to) {
		return Purchase{}, false, fmt.Errorf("purchase %s: %s → %s is not a legal transition", id, from, to)
	}
	var p Purchase
	res := tx.WithContext(ctx).Raw(`UPDATE purchase
		SET status = ?, failure_reason = COALESCE(NULLIF(?, ''), failure_reason), updated_at = now()
		WHERE purchase_id = ? AND status = ? RETURNING `+columns, to, reason, id, from).Scan(&p)
	if res.Error != nil {
		return Purchase{}, false, fmt.Errorf("purchase %s %s → %s: %w", id, from, to, res.Error)
	}
	if res.RowsAffected == 0 {
		return Purchase{}, false, nil
	}
	p = p.utc()
	if err := outbox.Add(ctx, tx, p.PurchaseID, p.statusEvent()); err != nil {
		return Purchase{}, false, fmt.Errorf("purchase %s %s → %s: %w", id, from, to, err)
	}
	return p, true, nil
}

// bindTxn binds the provider transaction a verified source names to a purchase that has
// none bound yet; a transaction already bound to another purchase of the same provider is
// ErrTxnInUse (the unique index purchase_settled_txn).
func bindTxn(ctx context.Context, tx *gorm.DB, id, txnID string) error {
	err := tx.WithContext(ctx).Exec(`UPDATE purchase SET settled_txn_id = ?, updated_at = now()
		WHERE purchase_id = ? AND settled_txn_id IS NULL`, txnID, id).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return ErrTxnInUse
	}
	if err != nil {
		return fmt.Errorf("purchase %s: bind provider txn: %w", id, err)
	}
	return nil
}

// MarkIssued records the ticket issued or boosted for a purchase, once; false when the
// purchase is unknown or already has its ticket.
func MarkIssued(ctx context.Context, tx *gorm.DB, id, ticketID string) (bool, error) {
	res := tx.WithContext(ctx).Exec(`UPDATE purchase SET issued_ticket_id = ?, updated_at = now()
		WHERE purchase_id = ? AND issued_ticket_id IS NULL`, ticketID, id)
	if res.Error != nil {
		return false, fmt.Errorf("purchase %s: mark ticket %s issued: %w", id, ticketID, res.Error)
	}
	return res.RowsAffected == 1, nil
}

package purchases

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/outbox"
)

// The api alone decides when a wallet-paid purchase's hold has expired, on the database's
// clock and in statements guarded by status = 'PENDING': a purchase is confirmed only
// before its hold deadline, and one still PENDING at the deadline fails (hold-expired).
// Whichever statement reaches the row first wins; the wallet never releases a purchase's
// hold on its own clock, only on purchase.failed, so a CONFIRMED purchase's hold is always
// capturable and a released hold never has a ticket.

// ConfirmHeld applies wallet.hold.placed to purchase id in tx: PENDING before its hold
// deadline → CONFIRMED; PENDING at or past it → FAILED (hold-expired), so that the late
// hold is released. False (and no event) when the purchase was not a PENDING wallet-paid
// one: a FAILED purchase stays FAILED whatever hold arrives.
func ConfirmHeld(ctx context.Context, tx *gorm.DB, id string) (Purchase, bool, error) {
	var p Purchase
	res := tx.WithContext(ctx).Raw(`UPDATE purchase SET
			status = CASE WHEN hold_expires_at > statement_timestamp() THEN 'CONFIRMED' ELSE 'FAILED' END,
			failure_reason = CASE WHEN hold_expires_at > statement_timestamp() THEN failure_reason ELSE ? END,
			updated_at = now()
		WHERE purchase_id = ? AND status = 'PENDING' AND payment_method = 'wallet' RETURNING `+columns,
		events.PurchaseFailedHoldExpired, id).Scan(&p)
	if res.Error != nil {
		return Purchase{}, false, fmt.Errorf("purchase %s: apply its hold: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return Purchase{}, false, nil
	}
	return announce(ctx, tx, p.utc())
}

// expireHolds fails up to limit PENDING purchases past their hold deadline in tx, each
// with its purchase.failed event, and returns how many. SKIP LOCKED lets replicas sweep
// side by side and never waits on a purchase a hold decision has locked; the status guard
// is repeated in the UPDATE, so a purchase confirmed meanwhile is left alone.
func expireHolds(ctx context.Context, tx *gorm.DB, limit int) (int, error) {
	var expired []Purchase
	err := tx.WithContext(ctx).Raw(`UPDATE purchase SET status = 'FAILED', failure_reason = ?, updated_at = now()
		WHERE status = 'PENDING' AND purchase_id IN (
			SELECT purchase_id FROM purchase WHERE status = 'PENDING' AND hold_expires_at <= statement_timestamp()
			ORDER BY hold_expires_at LIMIT ? FOR UPDATE SKIP LOCKED)
		RETURNING `+columns, events.PurchaseFailedHoldExpired, limit).Scan(&expired).Error
	if err != nil {
		return 0, fmt.Errorf("expire purchase holds: %w", err)
	}
	for _, p := range expired {
		if _, _, err := announce(ctx, tx, p.utc()); err != nil {
			return 0, err
		}
	}
	return len(expired), nil
}

// announce adds the event of p's new status to the outbox.
func announce(ctx context.Context, tx *gorm.DB, p Purchase) (Purchase, bool, error) {
	if err := outbox.Add(ctx, tx, p.PurchaseID, p.statusEvent()); err != nil {
		return Purchase{}, false, fmt.Errorf("purchase %s → %s: %w", p.PurchaseID, p.Status, err)
	}
	return p, true, nil
}

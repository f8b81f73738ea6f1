package purchases

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/outbox"
)

// Reverse moves p, locked in tx, to REFUNDED or DISPUTED because its payment provider gave
// the card payment back (reversal: events.ReversalRefund or events.ReversalDispute), and
// announces it. With voidTicket the event asks ticketing to void the purchase's ticket
// while its pool is OPEN; without (a dispute that ends lost) the ticket's fate was
// decided when the dispute opened.
func Reverse(ctx context.Context, tx *gorm.DB, p Purchase, to, reversal string, voidTicket bool) (Purchase, error) {
	if !Legal(p.Status, to) {
		return p, &IllegalError{PurchaseID: p.PurchaseID, From: p.Status, To: to}
	}
	next, err := move(ctx, tx, p, to, reversal)
	if err != nil {
		return p, err
	}
	ev := next.refunded()
	if voidTicket {
		ev.ProviderReversal = reversal
	}
	var e events.Event = ev
	if to == StatusDisputed {
		e = events.PurchaseDisputed(ev)
	}
	if err := outbox.Add(ctx, tx, p.PurchaseID, e); err != nil {
		return p, fmt.Errorf("purchase %s → %s: %w", p.PurchaseID, to, err)
	}
	return next, nil
}

// Reinstate gives a DISPUTED purchase, locked in tx, back its CONFIRMED status after the
// dispute was won while its ticket still stood. No event: nothing downstream changes.
func Reinstate(ctx context.Context, tx *gorm.DB, p Purchase) (Purchase, error) {
	if p.Status != StatusDisputed {
		return p, &IllegalError{PurchaseID: p.PurchaseID, From: p.Status, To: StatusConfirmed}
	}
	return move(ctx, tx, p, StatusConfirmed, "")
}

// RecordRefunded raises the purchase's refunded_cents to cents, the total the provider
// reports refunded (never lowering it: a redelivered or older event counts once).
func RecordRefunded(ctx context.Context, tx *gorm.DB, id string, cents int64) error {
	err := tx.WithContext(ctx).Exec(`UPDATE purchase SET refunded_cents = ?, updated_at = now()
		WHERE purchase_id = ? AND refunded_cents < ?`, cents, id, cents).Error
	if err != nil {
		return fmt.Errorf("purchase %s: record %d cents refunded: %w", id, cents, err)
	}
	return nil
}

// LockByTxn reads the purchase a provider transaction pays (bound by a verified webhook, never
// the client's hint) and locks it, or ErrNotFound.
func LockByTxn(ctx context.Context, tx *gorm.DB, provider, txnID string) (Purchase, error) {
	var p Purchase
	res := tx.WithContext(ctx).Raw(`SELECT `+columns+` FROM purchase WHERE provider = ? AND settled_txn_id = ? FOR UPDATE`,
		provider, txnID).Scan(&p)
	if res.Error != nil {
		return Purchase{}, fmt.Errorf("get purchase of %s txn %s: %w", provider, txnID, res.Error)
	}
	if res.RowsAffected == 0 {
		return Purchase{}, ErrNotFound
	}
	return p.utc(), nil
}

// move is the guarded status update of a locked purchase, recording reason when set.
func move(ctx context.Context, tx *gorm.DB, p Purchase, to, reason string) (Purchase, error) {
	var next Purchase
	res := tx.WithContext(ctx).Raw(`UPDATE purchase
		SET status = ?, failure_reason = COALESCE(NULLIF(?, ''), failure_reason), updated_at = now()
		WHERE purchase_id = ? AND status = ? RETURNING `+columns, to, reason, p.PurchaseID, p.Status).Scan(&next)
	if res.Error == nil && res.RowsAffected == 0 {
		res.Error = fmt.Errorf("changed while locked")
	}
	if res.Error != nil {
		return p, fmt.Errorf("purchase %s %s → %s: %w", p.PurchaseID, p.Status, to, res.Error)
	}
	return next.utc(), nil
}

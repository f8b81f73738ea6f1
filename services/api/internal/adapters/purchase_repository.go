package adapters

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
)

// Purchases is app.Purchases over one transaction (search_path = the api schema).
type Purchases struct{ tx *gorm.DB }

// Create inserts p PENDING; the client's provider_txn_id is stored as a hint only.
func (r Purchases) Create(ctx context.Context, p purchase.Purchase, holdTTL time.Duration) (purchase.Purchase, error) {
	var row purchaseRow
	err := r.tx.WithContext(ctx).Raw(`INSERT INTO purchase (purchase_id, user_id, pool_id, type, ticket_id, losing_ticket_id,
			amount_cents, currency, payment_method, provider, provider_txn_id, hold_expires_at)
		VALUES (?, ?, ?, ?, NULLIF(?, '')::uuid, NULLIF(?, '')::uuid, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''),
			CASE WHEN ? = 'wallet' THEN now() + ?::bigint * interval '1 microsecond' END)
		RETURNING `+purchaseColumns,
		p.ID, p.UserID, p.PoolID, p.Type, p.TicketID, p.LosingTicketID, p.AmountCents, p.Currency, p.Method,
		p.Provider, p.ProviderTxnID, p.Method, holdTTL.Microseconds()).Scan(&row).Error
	if err != nil {
		return purchase.Purchase{}, fmt.Errorf("create purchase %s: %w", p.ID, err)
	}
	return toPurchase(row), nil
}

// Update locks purchase id, lets fn change it and saves it.
func (r Purchases) Update(ctx context.Context, id string, fn func(*purchase.Purchase) error) (purchase.Purchase, error) {
	return r.update(ctx, fn, `WHERE purchase_id = ?`, id)
}

// UpdateByTxn locks the purchase a provider transaction was bound to (by a verified
// source, never the client's hint), lets fn change it and saves it.
func (r Purchases) UpdateByTxn(ctx context.Context, provider, txnID string, fn func(*purchase.Purchase) error) (purchase.Purchase, error) {
	return r.update(ctx, fn, `WHERE provider = ? AND settled_txn_id = ?`, provider, txnID)
}

// UpdateExpired locks up to limit purchases PENDING past their hold deadline, oldest
// deadline first; SKIP LOCKED lets replicas sweep side by side and never waits on a
// purchase a hold decision has locked.
func (r Purchases) UpdateExpired(ctx context.Context, limit int, fn func(*purchase.Purchase) error) (int, error) {
	var rows []purchaseRow
	err := r.tx.WithContext(ctx).Raw(`SELECT `+purchaseColumns+` FROM purchase
		WHERE status = 'PENDING' AND hold_expires_at <= statement_timestamp()
		ORDER BY hold_expires_at LIMIT ? FOR UPDATE SKIP LOCKED`, limit).Scan(&rows).Error
	if err != nil {
		return 0, fmt.Errorf("expired purchases: %w", err)
	}
	for _, row := range rows {
		if _, err := r.apply(ctx, toPurchase(row), fn); err != nil {
			return 0, err
		}
	}
	return len(rows), nil
}

// update locks the purchase the condition finds, then applies fn.
func (r Purchases) update(ctx context.Context, fn func(*purchase.Purchase) error, where string, args ...any) (purchase.Purchase, error) {
	var rows []purchaseRow
	err := r.tx.WithContext(ctx).Raw(`SELECT `+purchaseColumns+` FROM purchase `+where+` FOR UPDATE`, args...).Scan(&rows).Error
	if err != nil {
		return purchase.Purchase{}, fmt.Errorf("lock purchase %v: %w", args, err)
	}
	if len(rows) == 0 {
		return purchase.Purchase{}, app.ErrNotFound
	}
	return r.apply(ctx, toPurchase(rows[0]), fn)
}

// apply lets fn change p and saves what it changed; p as read when fn fails.
func (r Purchases) apply(ctx context.Context, p purchase.Purchase, fn func(*purchase.Purchase) error) (purchase.Purchase, error) {
	next := p
	if err := fn(&next); err != nil {
		return p, err
	}
	if next == p {
		return p, nil
	}
	return r.save(ctx, next)
}

// save writes what the saga changes in a purchase; a provider transaction already bound
// to another purchase is app.ErrTxnInUse (the unique index purchase_settled_txn).
func (r Purchases) save(ctx context.Context, p purchase.Purchase) (purchase.Purchase, error) {
	var row purchaseRow
	err := r.tx.WithContext(ctx).Raw(`UPDATE purchase SET status = ?, failure_reason = NULLIF(?, ''),
			settled_txn_id = NULLIF(?, ''), issued_ticket_id = NULLIF(?, '')::uuid, refunded_cents = ?, updated_at = now()
		WHERE purchase_id = ? RETURNING `+purchaseColumns,
		p.Status, p.FailureReason, p.SettledTxnID, p.IssuedTicketID, p.RefundedCents, p.ID).Scan(&row).Error
	if r.txnInUse(err) {
		return p, app.ErrTxnInUse
	}
	if err != nil {
		return p, fmt.Errorf("save purchase %s (%s): %w", p.ID, p.Status, err)
	}
	return toPurchase(row), nil
}

// txnInUse reports a violation of the unique index purchase_settled_txn; Raw queries'
// errors are translated here, as gorm does for its own statements.
func (r Purchases) txnInUse(err error) bool {
	if t, ok := r.tx.Dialector.(gorm.ErrorTranslator); ok && err != nil {
		err = t.Translate(err)
	}
	return errors.Is(err, gorm.ErrDuplicatedKey)
}

package adapters

import (
	"context"
	"fmt"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

type entryRow struct {
	EntryID         int64
	WalletID        string
	Direction       string
	Reason          string
	Status          string
	AmountCents     int64
	Currency        string
	RefPurchaseID   *string
	RefPoolID       *string
	RefTicketID     *string
	RefTopupID      *string
	RefWithdrawalID *string
	RefExternalTxn  *string
	Actor           *string
	Note            *string
	CreatedAt       time.Time
	PostedAt        *time.Time
	ReversedAt      *time.Time
	ReversalReason  *string
	ReversedBy      *string
}

func (r entryRow) domain() domain.Entry {
	return domain.Entry{EntryID: r.EntryID, WalletID: r.WalletID, Direction: r.Direction, Reason: r.Reason,
		Status: r.Status, AmountCents: r.AmountCents, Currency: r.Currency, RefPurchaseID: deref(r.RefPurchaseID),
		RefPoolID: deref(r.RefPoolID), RefTicketID: deref(r.RefTicketID), RefTopupID: deref(r.RefTopupID),
		RefWithdrawalID: deref(r.RefWithdrawalID), RefExternalTxn: deref(r.RefExternalTxn), Actor: deref(r.Actor),
		Note: deref(r.Note), CreatedAt: r.CreatedAt, PostedAt: r.PostedAt, ReversedAt: r.ReversedAt,
		ReversalReason: deref(r.ReversalReason), ReversedBy: deref(r.ReversedBy)}
}

const entryColumns = `entry_id, wallet_id, direction, reason, status, amount_cents, currency, ref_purchase_id,
	ref_pool_id, ref_ticket_id, ref_topup_id, ref_withdrawal_id, ref_external_txn, actor, note, created_at,
	posted_at, reversed_at, reversal_reason, reversed_by`

// AppendEntry inserts e and sets its id. A second capture, refund, payout, top-up credit or
// withdrawal debit for the same reference violates a unique index and is skipped: AppendEntry
// then reports false and leaves e unchanged.
func (s *Store) AppendEntry(ctx context.Context, e *domain.Entry) (bool, error) {
	var ids []int64
	err := s.q(ctx).Raw(`INSERT INTO wallet_ledger (wallet_id, direction, reason, status, amount_cents, currency,
			ref_purchase_id, ref_pool_id, ref_ticket_id, ref_topup_id, ref_withdrawal_id, ref_external_txn, actor, note,
			created_at, posted_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT DO NOTHING RETURNING entry_id`,
		e.WalletID, e.Direction, e.Reason, e.Status, e.AmountCents, e.Currency, nullable(e.RefPurchaseID),
		nullable(e.RefPoolID), nullable(e.RefTicketID), nullable(e.RefTopupID), nullable(e.RefWithdrawalID),
		nullable(e.RefExternalTxn), nullable(e.Actor), nullable(e.Note), e.CreatedAt, e.PostedAt).Scan(&ids).Error
	if err != nil {
		return false, fmt.Errorf("append %s %s entry to wallet %s: %w", e.Direction, e.Reason, e.WalletID, err)
	}
	if len(ids) == 0 {
		return false, nil
	}
	e.EntryID = ids[0]
	return true, nil
}

// LockEntry reads entry id FOR UPDATE.
func (s *Store) LockEntry(ctx context.Context, id int64) (domain.Entry, error) {
	var row entryRow
	if err := first(s.q(ctx).Raw(`SELECT `+entryColumns+` FROM wallet_ledger WHERE entry_id = ? FOR UPDATE`, id), &row); err != nil {
		return domain.Entry{}, notFound(err, fmt.Sprintf("ledger entry %d", id))
	}
	return row.domain(), nil
}

// Entry reads entry id without locking it.
func (s *Store) Entry(ctx context.Context, id int64) (domain.Entry, error) {
	var row entryRow
	if err := first(s.q(ctx).Raw(`SELECT `+entryColumns+` FROM wallet_ledger WHERE entry_id = ?`, id), &row); err != nil {
		return domain.Entry{}, notFound(err, fmt.Sprintf("ledger entry %d", id))
	}
	return row.domain(), nil
}

// SaveEntryStatus stores a status transition; the database refuses any other change.
func (s *Store) SaveEntryStatus(ctx context.Context, e domain.Entry) error {
	err := s.q(ctx).Exec(`UPDATE wallet_ledger SET status = ?, posted_at = ?, reversed_at = ?, reversal_reason = ?,
		reversed_by = ? WHERE entry_id = ?`, e.Status, e.PostedAt, e.ReversedAt, nullable(e.ReversalReason),
		nullable(e.ReversedBy), e.EntryID).Error
	if err != nil {
		return fmt.Errorf("mark ledger entry %d %s: %w", e.EntryID, e.Status, err)
	}
	return nil
}

// Entries lists a wallet's entries newest first, below entry id before (0 = from the newest),
// optionally of one reason.
func (s *Store) Entries(ctx context.Context, walletID, reason string, before int64, limit int) ([]domain.Entry, error) {
	q := s.q(ctx).Table("wallet_ledger").Select(entryColumns).Where("wallet_id = ?", walletID)
	if reason != "" {
		q = q.Where("reason = ?", reason)
	}
	if before > 0 {
		q = q.Where("entry_id < ?", before)
	}
	var rows []entryRow
	if err := q.Order("entry_id DESC").Limit(limit).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list ledger of wallet %s: %w", walletID, err)
	}
	out := make([]domain.Entry, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// PurchaseMoney sums what the ledger records for a purchase (its capture and refunds),
// whatever their status. Callers hold the purchaser's wallet lock, which guards them.
func (s *Store) PurchaseMoney(ctx context.Context, purchaseID string) (domain.PurchaseMoney, error) {
	if purchaseID == "" {
		return domain.PurchaseMoney{}, nil
	}
	var rows []entryRow
	err := s.q(ctx).Raw(`SELECT `+entryColumns+` FROM wallet_ledger WHERE ref_purchase_id = ? ORDER BY entry_id`, purchaseID).
		Scan(&rows).Error
	if err != nil {
		return domain.PurchaseMoney{}, fmt.Errorf("ledger of purchase %s: %w", purchaseID, err)
	}
	entries := make([]domain.Entry, len(rows))
	for i, r := range rows {
		entries[i] = r.domain()
	}
	return domain.MoneyOf(purchaseID, entries), nil
}

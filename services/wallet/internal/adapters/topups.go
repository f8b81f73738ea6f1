package adapters

import (
	"context"
	"fmt"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

type topupRow struct {
	TopupID       string
	WalletID      string
	UserID        string
	AmountCents   int64
	Currency      string
	Provider      string
	ProviderTxnID *string
	Status        string
	FailureReason *string
	EntryID       *int64
	CreatedAt     time.Time
	UpdatedAt     time.Time
	ProcessingAt  *time.Time
	CompletedAt   *time.Time
	FailedAt      *time.Time
	CancelledAt   *time.Time
}

func (r topupRow) domain() domain.Topup {
	return domain.Topup{TopupID: r.TopupID, WalletID: r.WalletID, UserID: r.UserID, AmountCents: r.AmountCents,
		Currency: r.Currency, Provider: r.Provider, ProviderTxnID: deref(r.ProviderTxnID), Status: r.Status,
		FailureReason: deref(r.FailureReason), EntryID: r.EntryID, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		ProcessingAt: r.ProcessingAt, CompletedAt: r.CompletedAt, FailedAt: r.FailedAt, CancelledAt: r.CancelledAt}
}

const topupColumns = `topup_id, wallet_id, user_id, amount_cents, currency, provider, provider_txn_id, status,
	failure_reason, entry_id, created_at, updated_at, processing_at, completed_at, failed_at, cancelled_at`

// InsertTopup stores a new top-up request.
func (s *Store) InsertTopup(ctx context.Context, t domain.Topup) error {
	err := s.q(ctx).Exec(`INSERT INTO wallet_topup_request (topup_id, wallet_id, user_id, amount_cents, currency,
		provider, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		t.TopupID, t.WalletID, t.UserID, t.AmountCents, t.Currency, t.Provider, t.Status, t.CreatedAt, t.CreatedAt).Error
	if err != nil {
		return fmt.Errorf("store top-up %s: %w", t.TopupID, err)
	}
	return nil
}

// Topup reads a top-up; lock takes its row lock FOR UPDATE.
func (s *Store) Topup(ctx context.Context, id string, lock bool) (domain.Topup, error) {
	sql := `SELECT ` + topupColumns + ` FROM wallet_topup_request WHERE topup_id = ?`
	if lock {
		sql += ` FOR UPDATE`
	}
	var row topupRow
	if err := first(s.q(ctx).Raw(sql, id), &row); err != nil {
		return domain.Topup{}, notFound(err, "top-up "+id)
	}
	return row.domain(), nil
}

// UpdateTopup locks top-up id's wallet and then the top-up (wallets before requests,
// always), lets fn change the top-up and stores the result, in one transaction.
func (s *Store) UpdateTopup(ctx context.Context, id string, fn func(*domain.Topup) error) (domain.Topup, error) {
	var t domain.Topup
	err := s.inTx(ctx, func(tx *Store) error {
		var err error
		if t, err = tx.Topup(ctx, id, false); err != nil {
			return err
		}
		if _, err := tx.LockAccount(ctx, "wallet_id", t.WalletID); err != nil {
			return err
		}
		if t, err = tx.Topup(ctx, id, true); err != nil {
			return err
		}
		if err := fn(&t); err != nil {
			return err
		}
		return tx.SaveTopup(ctx, t)
	})
	return t, err
}

// TopupByTxn returns the id of the top-up holding provider transaction txn, or "".
func (s *Store) TopupByTxn(ctx context.Context, txn string) (string, error) {
	var ids []string
	if err := s.q(ctx).Raw(`SELECT topup_id FROM wallet_topup_request WHERE provider_txn_id = ?`, txn).Scan(&ids).Error; err != nil {
		return "", fmt.Errorf("find top-up of txn %s: %w", txn, err)
	}
	if len(ids) == 0 {
		return "", nil
	}
	return ids[0], nil
}

// SaveTopup stores a top-up's status, transaction, entry and timestamps.
func (s *Store) SaveTopup(ctx context.Context, t domain.Topup) error {
	err := s.q(ctx).Exec(`UPDATE wallet_topup_request SET status = ?, provider_txn_id = ?, failure_reason = ?, entry_id = ?,
		processing_at = ?, completed_at = ?, failed_at = ?, cancelled_at = ?, updated_at = now() WHERE topup_id = ?`,
		t.Status, nullable(t.ProviderTxnID), nullable(t.FailureReason), t.EntryID, t.ProcessingAt, t.CompletedAt,
		t.FailedAt, t.CancelledAt, t.TopupID).Error
	if err != nil {
		return fmt.Errorf("save top-up %s: %w", t.TopupID, err)
	}
	return nil
}

// Topups lists a user's top-ups newest first, below id before ("" = from the newest).
func (s *Store) Topups(ctx context.Context, userID, before string, limit int) ([]domain.Topup, error) {
	q := s.q(ctx).Table("wallet_topup_request").Select(topupColumns).Where("user_id = ?", userID)
	if before != "" {
		q = q.Where("topup_id < ?", before)
	}
	var rows []topupRow
	if err := q.Order("topup_id DESC").Limit(limit).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list top-ups of user %s: %w", userID, err)
	}
	out := make([]domain.Topup, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

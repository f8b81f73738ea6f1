package adapters

import (
	"context"
	"fmt"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

type unmatchedRow struct {
	UnmatchedID     string
	Kind            string
	RefID           string
	WalletID        *string
	Outcome         string
	Provider        string
	ProviderTxnID   string
	ProviderEventID string
	AmountCents     int64
	Currency        string
	Reason          string
	Status          string
	ResolvedBy      *string
	Resolution      *string
	CreatedAt       time.Time
	ResolvedAt      *time.Time
}

func (r unmatchedRow) domain() domain.UnmatchedPayment {
	return domain.UnmatchedPayment{UnmatchedID: r.UnmatchedID, Kind: r.Kind, RefID: r.RefID, WalletID: deref(r.WalletID),
		Outcome: r.Outcome, Provider: r.Provider, ProviderTxnID: r.ProviderTxnID, ProviderEventID: r.ProviderEventID,
		AmountCents: r.AmountCents, Currency: r.Currency, Reason: r.Reason, Status: r.Status,
		ResolvedBy: deref(r.ResolvedBy), Resolution: deref(r.Resolution), CreatedAt: r.CreatedAt, ResolvedAt: r.ResolvedAt}
}

const unmatchedColumns = `unmatched_id, kind, ref_id, wallet_id, outcome, provider, provider_txn_id, provider_event_id,
	amount_cents, currency, reason, status, resolved_by, resolution, created_at, resolved_at`

// InsertUnmatched records an unmatched payment; false when the same report (kind, request,
// outcome, provider, transaction) was recorded before.
func (s *Store) InsertUnmatched(ctx context.Context, u domain.UnmatchedPayment) (bool, error) {
	res := s.q(ctx).Exec(`INSERT INTO unmatched_payment (unmatched_id, kind, ref_id, wallet_id, outcome, provider,
		provider_txn_id, provider_event_id, amount_cents, currency, reason, status, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT unmatched_payment_once DO NOTHING`,
		u.UnmatchedID, u.Kind, u.RefID, nullable(u.WalletID), u.Outcome, u.Provider, u.ProviderTxnID, u.ProviderEventID,
		u.AmountCents, u.Currency, u.Reason, u.Status, u.CreatedAt)
	if res.Error != nil {
		return false, fmt.Errorf("record unmatched payment for %s %s: %w", u.Kind, u.RefID, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// UnmatchedPayment reads one unmatched payment; lock takes its row lock FOR UPDATE.
func (s *Store) UnmatchedPayment(ctx context.Context, id string, lock bool) (domain.UnmatchedPayment, error) {
	sql := `SELECT ` + unmatchedColumns + ` FROM unmatched_payment WHERE unmatched_id = ?`
	if lock {
		sql += ` FOR UPDATE`
	}
	var row unmatchedRow
	if err := first(s.q(ctx).Raw(sql, id), &row); err != nil {
		return domain.UnmatchedPayment{}, notFound(err, "unmatched payment "+id)
	}
	return row.domain(), nil
}

// UpdateUnmatched locks unmatched payment id, lets fn change it and stores the result, in
// one transaction.
func (s *Store) UpdateUnmatched(ctx context.Context, id string, fn func(*domain.UnmatchedPayment) error) (domain.UnmatchedPayment, error) {
	var u domain.UnmatchedPayment
	err := s.inTx(ctx, func(tx *Store) error {
		var err error
		if u, err = tx.UnmatchedPayment(ctx, id, true); err != nil {
			return err
		}
		if err := fn(&u); err != nil {
			return err
		}
		return tx.SaveUnmatched(ctx, u)
	})
	return u, err
}

// SaveUnmatched stores an unmatched payment's resolution.
func (s *Store) SaveUnmatched(ctx context.Context, u domain.UnmatchedPayment) error {
	err := s.q(ctx).Exec(`UPDATE unmatched_payment SET status = ?, resolved_by = ?, resolution = ?, resolved_at = ?
		WHERE unmatched_id = ?`, u.Status, nullable(u.ResolvedBy), nullable(u.Resolution), u.ResolvedAt, u.UnmatchedID).Error
	if err != nil {
		return fmt.Errorf("save unmatched payment %s: %w", u.UnmatchedID, err)
	}
	return nil
}

// UnmatchedPayments lists unmatched payments newest first, below id before ("" = from the
// newest); status filters when set.
func (s *Store) UnmatchedPayments(ctx context.Context, status, before string, limit int) ([]domain.UnmatchedPayment, error) {
	q := s.q(ctx).Table("unmatched_payment").Select(unmatchedColumns)
	if status != "" {
		q = q.Where("status = ?", status)
	}
	if before != "" {
		q = q.Where("unmatched_id < ?", before)
	}
	var rows []unmatchedRow
	if err := q.Order("unmatched_id DESC").Limit(limit).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list unmatched payments: %w", err)
	}
	out := make([]domain.UnmatchedPayment, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

package adapters

import (
	"context"
	"fmt"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

type withdrawalRow struct {
	WithdrawalID   string
	WalletID       string
	UserID         string
	AmountCents    int64
	Currency       string
	Provider       string
	Destination    string
	ProviderTxnID  *string
	Status         string
	HoldID         string
	EntryID        *int64
	RequestedBy    string
	ApprovedBy     *string
	DecidedBy      *string
	DecisionReason *string
	FailureReason  *string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	ApprovedAt     *time.Time
	RejectedAt     *time.Time
	CancelledAt    *time.Time
	CompletedAt    *time.Time
	FailedAt       *time.Time
}

func (r withdrawalRow) domain() domain.Withdrawal {
	return domain.Withdrawal{WithdrawalID: r.WithdrawalID, WalletID: r.WalletID, UserID: r.UserID,
		AmountCents: r.AmountCents, Currency: r.Currency, Provider: r.Provider, Destination: r.Destination,
		ProviderTxnID: deref(r.ProviderTxnID), Status: r.Status, HoldID: r.HoldID, EntryID: r.EntryID,
		RequestedBy: r.RequestedBy, ApprovedBy: deref(r.ApprovedBy), DecidedBy: deref(r.DecidedBy), DecisionReason: deref(r.DecisionReason), FailureReason: deref(r.FailureReason),
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, ApprovedAt: r.ApprovedAt, RejectedAt: r.RejectedAt,
		CancelledAt: r.CancelledAt, CompletedAt: r.CompletedAt, FailedAt: r.FailedAt}
}

const withdrawalColumns = `withdrawal_id, wallet_id, user_id, amount_cents, currency, provider, destination,
	provider_txn_id, status, hold_id, entry_id, requested_by, approved_by, decided_by, decision_reason, failure_reason, created_at, updated_at,
	approved_at, rejected_at, cancelled_at, completed_at, failed_at`

// InsertWithdrawal stores a new withdrawal request (its hold is stored first).
func (s *Store) InsertWithdrawal(ctx context.Context, w domain.Withdrawal) error {
	err := s.q(ctx).Exec(`INSERT INTO wallet_withdrawal_request (withdrawal_id, wallet_id, user_id, amount_cents,
		currency, provider, destination, status, hold_id, requested_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		w.WithdrawalID, w.WalletID, w.UserID, w.AmountCents, w.Currency, w.Provider, w.Destination, w.Status,
		w.HoldID, w.RequestedBy, w.CreatedAt, w.CreatedAt).Error
	if err != nil {
		return fmt.Errorf("store withdrawal %s: %w", w.WithdrawalID, err)
	}
	return nil
}

// Withdrawal reads a withdrawal; lock takes its row lock FOR UPDATE.
func (s *Store) Withdrawal(ctx context.Context, id string, lock bool) (domain.Withdrawal, error) {
	sql := `SELECT ` + withdrawalColumns + ` FROM wallet_withdrawal_request WHERE withdrawal_id = ?`
	if lock {
		sql += ` FOR UPDATE`
	}
	var row withdrawalRow
	if err := first(s.q(ctx).Raw(sql, id), &row); err != nil {
		return domain.Withdrawal{}, notFound(err, "withdrawal "+id)
	}
	return row.domain(), nil
}

// SaveWithdrawal stores a withdrawal's status, decision, entry and timestamps.
func (s *Store) SaveWithdrawal(ctx context.Context, w domain.Withdrawal) error {
	err := s.q(ctx).Exec(`UPDATE wallet_withdrawal_request SET status = ?, provider_txn_id = ?, entry_id = ?,
		approved_by = ?, decided_by = ?, decision_reason = ?, failure_reason = ?, approved_at = ?, rejected_at = ?, cancelled_at = ?,
		completed_at = ?, failed_at = ?, updated_at = now() WHERE withdrawal_id = ?`,
		w.Status, nullable(w.ProviderTxnID), w.EntryID, nullable(w.ApprovedBy), nullable(w.DecidedBy), nullable(w.DecisionReason),
		nullable(w.FailureReason), w.ApprovedAt, w.RejectedAt, w.CancelledAt, w.CompletedAt, w.FailedAt,
		w.WithdrawalID).Error
	if err != nil {
		return fmt.Errorf("save withdrawal %s: %w", w.WithdrawalID, err)
	}
	return nil
}

// WithdrawnSince sums a user's withdrawals requested since t that still count against the
// daily limit (not rejected, cancelled or failed).
func (s *Store) WithdrawnSince(ctx context.Context, userID string, t time.Time) (int64, error) {
	var sum int64
	err := s.q(ctx).Raw(`SELECT coalesce(sum(amount_cents), 0) FROM wallet_withdrawal_request
		WHERE user_id = ? AND created_at >= ? AND status IN ('REQUESTED', 'PROCESSING', 'COMPLETED')`, userID, t).Scan(&sum).Error
	if err != nil {
		return 0, fmt.Errorf("sum withdrawals of user %s: %w", userID, err)
	}
	return sum, nil
}

// Withdrawals lists withdrawals newest first, below id before ("" = from the newest): a
// user's when userID is set, else everyone's (for admins); status filters when set.
func (s *Store) Withdrawals(ctx context.Context, userID, status, before string, limit int) ([]domain.Withdrawal, error) {
	q := s.q(ctx).Table("wallet_withdrawal_request").Select(withdrawalColumns)
	if userID != "" {
		q = q.Where("user_id = ?", userID)
	}
	if status != "" {
		q = q.Where("status = ?", status)
	}
	if before != "" {
		q = q.Where("withdrawal_id < ?", before)
	}
	var rows []withdrawalRow
	if err := q.Order("withdrawal_id DESC").Limit(limit).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("list withdrawals: %w", err)
	}
	out := make([]domain.Withdrawal, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

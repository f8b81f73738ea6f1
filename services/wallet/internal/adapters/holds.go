package adapters

import (
	"context"
	"fmt"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

type holdRow struct {
	HoldID         string
	WalletID       string
	PurchaseID     *string
	WithdrawalID   *string
	PoolID         *string
	AmountCents    int64
	Currency       string
	Status         string
	Reason         string
	ExpiresAt      *time.Time
	CaptureEntryID *int64
	ReleaseReason  *string
	CreatedAt      time.Time
	ConfirmedAt    *time.Time
	CapturedAt     *time.Time
	ReleasedAt     *time.Time
}

func (r holdRow) domain() domain.Hold {
	return domain.Hold{HoldID: r.HoldID, WalletID: r.WalletID, PurchaseID: deref(r.PurchaseID),
		WithdrawalID: deref(r.WithdrawalID), PoolID: deref(r.PoolID), AmountCents: r.AmountCents, Currency: r.Currency,
		Status: r.Status, Reason: r.Reason, ExpiresAt: r.ExpiresAt, CaptureEntryID: r.CaptureEntryID,
		ReleaseReason: deref(r.ReleaseReason), CreatedAt: r.CreatedAt, ConfirmedAt: r.ConfirmedAt,
		CapturedAt: r.CapturedAt, ReleasedAt: r.ReleasedAt}
}

const holdColumns = `hold_id, wallet_id, purchase_id, withdrawal_id, pool_id, amount_cents, currency, status, reason,
	expires_at, capture_entry_id, release_reason, created_at, confirmed_at, captured_at, released_at`

// InsertHold stores a new hold.
func (s *Store) InsertHold(ctx context.Context, h domain.Hold) error {
	err := s.q(ctx).Exec(`INSERT INTO wallet_hold (hold_id, wallet_id, purchase_id, withdrawal_id, pool_id,
			amount_cents, currency, status, reason, expires_at, release_reason, released_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		h.HoldID, h.WalletID, nullable(h.PurchaseID), nullable(h.WithdrawalID), nullable(h.PoolID), h.AmountCents,
		h.Currency, h.Status, h.Reason, h.ExpiresAt, nullable(h.ReleaseReason), h.ReleasedAt).Error
	if err != nil {
		return fmt.Errorf("store hold %s of wallet %s: %w", h.HoldID, h.WalletID, err)
	}
	return nil
}

// LockHold reads the hold whose column (purchase_id, withdrawal_id or hold_id) equals id FOR
// UPDATE; found is false when there is none.
func (s *Store) LockHold(ctx context.Context, column, id string) (h domain.Hold, found bool, err error) {
	var rows []holdRow
	err = s.q(ctx).Raw(`SELECT `+holdColumns+` FROM wallet_hold WHERE `+holdKey(column)+` = ? FOR UPDATE`, id).Scan(&rows).Error
	if err != nil {
		return domain.Hold{}, false, fmt.Errorf("lock hold of %s %s: %w", column, id, err)
	}
	if len(rows) == 0 {
		return domain.Hold{}, false, nil
	}
	return rows[0].domain(), true, nil
}

func holdKey(column string) string {
	switch column {
	case "withdrawal_id", "hold_id":
		return column
	}
	return "purchase_id"
}

// SaveHold stores a hold's status, expiry and timestamps.
func (s *Store) SaveHold(ctx context.Context, h domain.Hold) error {
	err := s.q(ctx).Exec(`UPDATE wallet_hold SET status = ?, expires_at = ?, capture_entry_id = ?, release_reason = ?,
		confirmed_at = ?, captured_at = ?, released_at = ?, updated_at = now() WHERE hold_id = ?`,
		h.Status, h.ExpiresAt, h.CaptureEntryID, nullable(h.ReleaseReason), h.ConfirmedAt, h.CapturedAt,
		h.ReleasedAt, h.HoldID).Error
	if err != nil {
		return fmt.Errorf("save hold %s: %w", h.HoldID, err)
	}
	return nil
}

// HeldCents sums a wallet's ACTIVE holds.
func (s *Store) HeldCents(ctx context.Context, walletID string) (int64, error) {
	var held int64
	err := s.q(ctx).Raw(`SELECT coalesce(sum(amount_cents), 0) FROM wallet_hold WHERE wallet_id = ? AND status = 'ACTIVE'`,
		walletID).Scan(&held).Error
	if err != nil {
		return 0, fmt.Errorf("sum holds of wallet %s: %w", walletID, err)
	}
	return held, nil
}

// ActiveHolds lists a wallet's ACTIVE holds, oldest first.
func (s *Store) ActiveHolds(ctx context.Context, walletID string) ([]domain.Hold, error) {
	var rows []holdRow
	err := s.q(ctx).Raw(`SELECT `+holdColumns+` FROM wallet_hold WHERE wallet_id = ? AND status = 'ACTIVE'
		ORDER BY created_at, hold_id`, walletID).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list holds of wallet %s: %w", walletID, err)
	}
	out := make([]domain.Hold, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

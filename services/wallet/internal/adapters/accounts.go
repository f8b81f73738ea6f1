package adapters

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/wallet/internal/domain"
)

type accountRow struct {
	WalletID     string
	UserID       string
	Currency     string
	Status       string
	StatusReason *string
	BalanceCents int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (r accountRow) domain(held int64) domain.Account {
	return domain.Account{WalletID: r.WalletID, UserID: r.UserID, Currency: r.Currency, Status: r.Status,
		StatusReason: deref(r.StatusReason), BalanceCents: r.BalanceCents, HeldCents: held,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

const accountColumns = `wallet_id, user_id, currency, status, status_reason, balance_cents, created_at, updated_at`

// EnsureAccount returns the user's account locked FOR UPDATE, creating it in currency first
// if the user has none (accounts are created on first use).
func (s *Store) EnsureAccount(ctx context.Context, userID, currency string) (domain.Account, error) {
	acct, err := s.LockAccount(ctx, "user_id", userID)
	if !errors.Is(err, domain.ErrNotFound) {
		return acct, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return domain.Account{}, fmt.Errorf("new wallet id: %w", err)
	}
	err = s.q(ctx).Exec(`INSERT INTO wallet_account (wallet_id, user_id, currency) VALUES (?, ?, ?)
		ON CONFLICT (user_id) DO NOTHING`, id.String(), userID, currency).Error
	if err != nil {
		return domain.Account{}, fmt.Errorf("create wallet of user %s: %w", userID, err)
	}
	return s.LockAccount(ctx, "user_id", userID)
}

// LockAccount locks the account whose column (user_id or wallet_id) equals id FOR UPDATE and
// reads its active holds. The holds are summed in a second statement on purpose: in READ
// COMMITTED a new statement sees what the transaction we waited for committed, whereas a
// subquery in the locking statement would use the snapshot taken before the wait.
func (s *Store) LockAccount(ctx context.Context, column, id string) (domain.Account, error) {
	var row accountRow
	err := first(s.q(ctx).Raw(`SELECT `+accountColumns+` FROM wallet_account WHERE `+accountKey(column)+` = ? FOR UPDATE`, id), &row)
	if err != nil {
		return domain.Account{}, notFound(err, "lock wallet of "+column+" "+id)
	}
	held, err := s.HeldCents(ctx, row.WalletID)
	if err != nil {
		return domain.Account{}, err
	}
	return row.domain(held), nil
}

// Account reads the account whose column (user_id or wallet_id) equals id, without locking.
func (s *Store) Account(ctx context.Context, column, id string) (domain.Account, error) {
	var row accountRow
	if err := first(s.q(ctx).Raw(`SELECT `+accountColumns+` FROM wallet_account WHERE `+accountKey(column)+` = ?`, id), &row); err != nil {
		return domain.Account{}, notFound(err, "wallet of "+column+" "+id)
	}
	held, err := s.HeldCents(ctx, row.WalletID)
	if err != nil {
		return domain.Account{}, err
	}
	return row.domain(held), nil
}

// accountKey allows only the two unique keys, so no caller can widen the query.
func accountKey(column string) string {
	if column == "wallet_id" {
		return "wallet_id"
	}
	return "user_id"
}

// LockUsers locks the existing accounts of users in user id order, so that transactions
// touching several accounts always take their locks in the same order.
func (s *Store) LockUsers(ctx context.Context, userIDs []string) error {
	ids := slices.Clone(userIDs)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) == 0 {
		return nil
	}
	var locked []string
	err := s.q(ctx).Raw(`SELECT wallet_id FROM wallet_account WHERE user_id IN ? ORDER BY user_id FOR UPDATE`, ids).Scan(&locked).Error
	if err != nil {
		return fmt.Errorf("lock %d wallets: %w", len(ids), err)
	}
	return nil
}

// AddToBalance changes the cached balance by delta (the transaction posts the matching
// entry) and returns the new balance.
func (s *Store) AddToBalance(ctx context.Context, walletID string, delta int64) (int64, error) {
	var balance int64
	err := first(s.q(ctx).Raw(`UPDATE wallet_account SET balance_cents = balance_cents + ?, updated_at = now()
		WHERE wallet_id = ? RETURNING balance_cents`, delta, walletID), &balance)
	if err != nil {
		return 0, notFound(err, "update balance of wallet "+walletID)
	}
	return balance, nil
}

// UpdateAccount locks the wallet of user userID, lets fn change it and stores its status if
// fn changed the account, in one transaction.
func (s *Store) UpdateAccount(ctx context.Context, userID string, fn func(*domain.Account) error) (domain.Account, error) {
	var acct domain.Account
	err := s.inTx(ctx, func(tx *Store) error {
		var err error
		if acct, err = tx.LockAccount(ctx, "user_id", userID); err != nil {
			return err
		}
		before := acct
		if err := fn(&acct); err != nil || acct == before {
			return err
		}
		return tx.SaveStatus(ctx, acct)
	})
	return acct, err
}

// SaveStatus stores the account's status and its reason.
func (s *Store) SaveStatus(ctx context.Context, a domain.Account) error {
	err := s.q(ctx).Exec(`UPDATE wallet_account SET status = ?, status_reason = ?, updated_at = now() WHERE wallet_id = ?`,
		a.Status, nullable(a.StatusReason), a.WalletID).Error
	if err != nil {
		return fmt.Errorf("save status of wallet %s: %w", a.WalletID, err)
	}
	return nil
}

// Package adapters is the wallet's PostgreSQL store (app.Store), load and save only: GORM
// for plain reads and inserts, raw SQL wherever row locks and idempotent inserts decide
// correctness.
package adapters

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/outbox"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

// Store reads and writes the wallet's tables through db, a pool or a transaction; it
// implements app.Store.
type Store struct {
	db    *gorm.DB
	bound bool // db is a transaction someone else opened
}

var _ app.Store = (*Store)(nil)

// NewStore returns a store over db, a pool: InTx opens a transaction.
func NewStore(db *gorm.DB) *Store { return &Store{db: db} }

// Bind returns a store working inside tx, a transaction someone else opened (an event
// batch's): InTx and InSnapshot run their function in it.
func Bind(tx *gorm.DB) *Store { return &Store{db: tx, bound: true} }

// InTx runs fn with a store bound to a new transaction, committed when fn returns nil; a
// bound store runs fn in its own transaction.
func (s *Store) InTx(ctx context.Context, fn func(app.Books) error) error {
	if s.bound {
		return fn(s)
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error { return fn(Bind(tx)) })
}

// inTx is InTx for the adapters' own multi-statement changes.
func (s *Store) inTx(ctx context.Context, fn func(tx *Store) error) error {
	return s.InTx(ctx, func(b app.Books) error { return fn(b.(*Store)) })
}

// InSnapshot runs fn with a store bound to a read-only REPEATABLE READ transaction, so that
// everything fn reads (a balance and its holds) comes from one snapshot; a bound store runs
// fn in its own transaction.
func (s *Store) InSnapshot(ctx context.Context, fn func(app.Books) error) error {
	if s.bound {
		return fn(s)
	}
	opts := &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error { return fn(Bind(tx)) }, opts)
}

// Emit stores events in the outbox of the current transaction, ordered per wallet: callers
// hold the wallet's row lock, so the outbox order follows commit order.
func (s *Store) Emit(ctx context.Context, walletID string, evs ...events.Event) error {
	return outbox.Add(ctx, s.db, walletID, evs...)
}

func (s *Store) q(ctx context.Context) *gorm.DB { return s.db.WithContext(ctx) }

// notFound turns an empty result into domain.ErrNotFound with what was looked up.
func notFound(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf("%s: %w", what, domain.ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// first scans exactly one row of a raw query into dest, or reports gorm.ErrRecordNotFound.
func first(q *gorm.DB, dest any) error {
	res := q.Scan(dest)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return gorm.ErrRecordNotFound
	}
	return nil
}

// nullable maps "" to NULL for optional uuid and text columns.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

package wallet_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/wallet/internal/wallettest"
)

// ledgerFixture is a migrated wallet schema, reached as the wallet's own role, holding one
// wallet with a POSTED, a PENDING and a REVERSED entry and a RELEASED hold.
type ledgerFixture struct {
	db                        *gorm.DB
	posted, pending, reversed int64
	releasedHold              string
}

func newLedgerFixture(t *testing.T) ledgerFixture {
	t.Helper()
	env := wallettest.NewDatabase(t)
	env.Migrate(t)
	dsn, err := db.WithSearchPath(env.ServiceDSN, "wallet")
	if err != nil {
		t.Fatal(err)
	}
	f := ledgerFixture{db: testenv.Open(t, dsn), releasedHold: uuid.NewString()}
	wallet := uuid.NewString()
	exec(t, f.db, `INSERT INTO wallet_account (wallet_id, user_id, balance_cents) VALUES (?, ?, 1000)`, wallet, uuid.NewString())
	entry := `INSERT INTO wallet_ledger (wallet_id, direction, reason, status, amount_cents, currency, actor, note, posted_at,
		reversed_at, reversal_reason) VALUES (?, 'CREDIT', 'ADJUSTMENT', ?, 1000, 'EUR', 'admin', 'fixture', ?, ?, ?) RETURNING entry_id`
	for _, e := range []struct {
		status     string
		postedAt   any
		reversedAt any
		reason     any
		id         *int64
	}{
		{"POSTED", "2026-01-01T00:00:00Z", nil, nil, &f.posted},
		{"PENDING", nil, nil, nil, &f.pending},
		{"REVERSED", nil, "2026-01-02T00:00:00Z", "fixture", &f.reversed},
	} {
		if err := f.db.Raw(entry, wallet, e.status, e.postedAt, e.reversedAt, e.reason).Scan(e.id).Error; err != nil || *e.id == 0 {
			t.Fatalf("insert %s entry: %v", e.status, err)
		}
	}
	exec(t, f.db, `INSERT INTO wallet_hold (hold_id, wallet_id, purchase_id, amount_cents, currency, status, reason, released_at)
		VALUES (?, ?, ?, 100, 'EUR', 'RELEASED', 'TICKET_RESERVATION', now())`, f.releasedHold, wallet, uuid.NewString())
	return f
}

func exec(t *testing.T, gdb *gorm.DB, sql string, args ...any) {
	t.Helper()
	if err := gdb.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func TestTheDatabaseRefusesToRewriteTheLedger(t *testing.T) {
	f := newLedgerFixture(t)
	refused := map[string]string{
		"amount change":      `UPDATE wallet_ledger SET amount_cents = 1 WHERE entry_id = @posted`,
		"direction change":   `UPDATE wallet_ledger SET direction = 'DEBIT' WHERE entry_id = @posted`,
		"reference change":   `UPDATE wallet_ledger SET ref_purchase_id = gen_random_uuid() WHERE entry_id = @posted`,
		"delete":             `DELETE FROM wallet_ledger WHERE entry_id = @posted`,
		"truncate":           `TRUNCATE wallet_ledger CASCADE`,
		"POSTED -> PENDING":  `UPDATE wallet_ledger SET status = 'PENDING', posted_at = NULL WHERE entry_id = @posted`,
		"REVERSED -> POSTED": `UPDATE wallet_ledger SET status = 'POSTED', reversed_at = NULL, posted_at = now() WHERE entry_id = @reversed`,
		"POSTED -> POSTED":   `UPDATE wallet_ledger SET posted_at = now() WHERE entry_id = @posted`,
		"posted_at moved on reversal": `UPDATE wallet_ledger SET status = 'REVERSED', reversed_at = now(), reversal_reason = 'x',
			posted_at = now() WHERE entry_id = @posted`,
		"released hold captured": `UPDATE wallet_hold SET status = 'CAPTURED', captured_at = now(), released_at = NULL WHERE hold_id = @hold`,
		"hold amount change":     `UPDATE wallet_hold SET amount_cents = 1 WHERE hold_id = @hold`,
	}
	for name, sql := range refused {
		t.Run(name, func(t *testing.T) {
			var args []any
			if strings.Contains(sql, "@") {
				args = append(args, f.args())
			}
			err := f.db.Exec(sql, args...).Error
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != "P0001" {
				t.Fatalf("want the guard trigger to refuse %s, got %v", sql, err)
			}
		})
	}
}

func TestTheLedgerAllowsItsStatusTransitions(t *testing.T) {
	f := newLedgerFixture(t)
	allowed := []struct{ name, sql string }{
		{"PENDING -> POSTED", `UPDATE wallet_ledger SET status = 'POSTED', posted_at = now() WHERE entry_id = @pending`},
		{"POSTED -> REVERSED", `UPDATE wallet_ledger SET status = 'REVERSED', reversed_at = now(), reversal_reason = 'wrong', reversed_by = 'admin' WHERE entry_id = @posted`},
		{"newly POSTED -> REVERSED", `UPDATE wallet_ledger SET status = 'REVERSED', reversed_at = now(), reversal_reason = 'again' WHERE entry_id = @pending`},
	}
	for _, tt := range allowed {
		res := f.db.Exec(tt.sql, f.args())
		if res.Error != nil || res.RowsAffected != 1 {
			t.Fatalf("%s: %v (%d rows)", tt.name, res.Error, res.RowsAffected)
		}
	}
	g := newLedgerFixture(t)
	if err := g.db.Exec(`UPDATE wallet_ledger SET status = 'REVERSED', reversed_at = now(), reversal_reason = 'provider failed'
		WHERE entry_id = @pending`, g.args()).Error; err != nil {
		t.Fatalf("PENDING -> REVERSED: %v", err)
	}
}

func (f ledgerFixture) args() map[string]any {
	return map[string]any{"posted": f.posted, "pending": f.pending, "reversed": f.reversed, "hold": f.releasedHold}
}

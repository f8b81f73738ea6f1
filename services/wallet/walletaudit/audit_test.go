package walletaudit_test

import (
	"context"
	"os"
	"testing"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/testenv"
	"tickup.dev/services/wallet/internal/wallettest"
	"tickup.dev/services/wallet/walletaudit"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

// books is a consistent wallet with one entry of every kind, planted into by each test.
type books struct {
	db                                       *gorm.DB
	wallet, purchase, refunded, pool, ticket string
	topup, withdrawal                        string
}

// newBooks migrates a fresh schema and writes one wallet: TOPUP +2000, TICKET_PURCHASE -500,
// REFUND +500, PRIZE_PAYOUT +300, WITHDRAWAL -200 (balance 2100) and a live 100-cent hold.
func newBooks(t *testing.T) books {
	t.Helper()
	env := wallettest.NewDatabase(t)
	env.Migrate(t)
	b := books{db: env.Admin, wallet: uuid.NewString(), purchase: uuid.NewString(), refunded: uuid.NewString(),
		pool: uuid.NewString(), ticket: uuid.NewString(), topup: uuid.NewString(), withdrawal: uuid.NewString()}
	b.exec(t, `INSERT INTO wallet_account (wallet_id, user_id, balance_cents) VALUES (?, ?, 2100)`, b.wallet, uuid.NewString())
	b.entry(t, "CREDIT", "TOPUP", 2000, "ref_topup_id", b.topup)
	b.entry(t, "DEBIT", "TICKET_PURCHASE", 500, "ref_purchase_id", b.purchase)
	b.entry(t, "CREDIT", "REFUND", 500, "ref_purchase_id", b.refunded)
	b.entry(t, "CREDIT", "PRIZE_PAYOUT", 300, "ref_pool_id, ref_ticket_id", b.pool, b.ticket)
	b.entry(t, "DEBIT", "WITHDRAWAL", 200, "ref_withdrawal_id", b.withdrawal)
	b.hold(t, uuid.NewString(), 100, "now() + interval '10 minutes'")
	if vs := audit(t, b.db); len(vs) != 0 {
		t.Fatalf("consistent books reported: %v", vs)
	}
	return b
}

func (b books) exec(t *testing.T, sql string, args ...any) {
	t.Helper()
	if err := b.db.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// entry books a POSTED entry with its references in columns cols.
func (b books) entry(t *testing.T, direction, reason string, amount int64, cols string, refs ...any) {
	t.Helper()
	marks := "?"
	if len(refs) == 2 {
		marks = "?, ?"
	}
	args := append([]any{b.wallet, direction, reason, amount}, refs...)
	b.exec(t, `INSERT INTO wallet_ledger (wallet_id, direction, reason, status, amount_cents, currency, actor, note, posted_at, `+
		cols+`) VALUES (?, ?, ?, 'POSTED', ?, 'EUR', 'test', 'test', now(), `+marks+`)`, args...)
}

// duplicate books a second entry for an existing reference, dropping the unique index that
// would refuse it and keeping the cached balance in step, so only the duplicate is wrong.
func (b books) duplicate(t *testing.T, index, direction, reason string, cols string, refs ...any) {
	t.Helper()
	b.exec(t, `DROP INDEX `+index)
	b.entry(t, direction, reason, 1, cols, refs...)
	delta := 1
	if direction == "DEBIT" {
		delta = -1
	}
	b.exec(t, `UPDATE wallet_account SET balance_cents = balance_cents + ? WHERE wallet_id = ?`, delta, b.wallet)
}

func (b books) hold(t *testing.T, purchase string, amount int64, expiresAt string) {
	t.Helper()
	b.exec(t, `INSERT INTO wallet_hold (hold_id, wallet_id, purchase_id, amount_cents, currency, status, reason, expires_at)
		VALUES (gen_random_uuid(), ?, ?, ?, 'EUR', 'ACTIVE', 'TICKET_RESERVATION', `+expiresAt+`)`, b.wallet, purchase, amount)
}

func audit(t *testing.T, gdb *gorm.DB) []walletaudit.Violation {
	t.Helper()
	vs, err := walletaudit.Check(context.Background(), gdb)
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// wantOnly fails unless the audit reports exactly one violation, of check, for the
// wallet and reference.
func wantOnly(t *testing.T, b books, check, ref string) {
	t.Helper()
	vs := audit(t, b.db)
	if len(vs) != 1 || vs[0].Check != check || vs[0].WalletID != b.wallet || vs[0].Ref != ref || vs[0].Detail == "" {
		t.Fatalf("audit found %v, want only %s for wallet %s ref %q", vs, check, b.wallet, ref)
	}
}

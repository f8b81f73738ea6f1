package purchaseaudit_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"testing"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/service"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/api"
	"tickup.dev/services/api/purchaseaudit"
	"tickup.dev/services/ticketing/ticketing"
	"tickup.dev/services/wallet/wallet"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

// id is the fixed UUID numbered n, so that a finding can be expected line for line.
func id(n int) string { return fmt.Sprintf("0190a7e2-0000-7000-8000-%012d", n) }

// The books' fixed ids: one user with one wallet; pools A (OPEN), B (CANCELLED), C (DRAWN).
var (
	user, walletID, prize = id(1), id(2), id(3)
	poolA, poolB, poolC   = id(10), id(20), id(30)
)

// old is when everything in the books happened: well before any grace.
const old = "now() - interval '1 hour'"

// books is a migrated api + ticketing + wallet holding one consistent system.
type books struct {
	t  *testing.T
	db *gorm.DB
}

// newBooks migrates a fresh database and books every flow the audit must accept (entries
// 1-10 in this order):
//   - pool C, DRAWN: ticket 205 card-paid (LOST), ticket 208 wallet-paid (captured, entry 1,
//     WON, paid a CASH prize, entry 2);
//   - pool A, OPEN: ticket 201 wallet-paid (entry 3) boosted by wallet (entry 4), ticket 202
//     card-paid, ticket 203 a wallet-paid RETRY of 205 (entry 5); purchase 105 card-paid and
//     rejected (refund, entry 6), 106 wallet-paid and rejected (hold released), 107 failed;
//   - pool B, CANCELLED: ticket 204 wallet-paid (capture 7, refund 8) boosted by card (refund
//     9), ticket 206 card-paid (refund 10), ticket 207 wallet-paid, voided before its capture.
func newBooks(t *testing.T) *books {
	t.Helper()
	b := &books{t: t, db: migratedSystem(t)}
	b.exec(`INSERT INTO wallet.wallet_account (wallet_id, user_id, balance_cents) VALUES (?, ?, 0)`, walletID, user)
	b.exec(`INSERT INTO ticketing.prize (prize_id, title, value_cents, currency, stock, kind) VALUES (?, 'Cash', 1000, 'EUR', 0, 'CASH')`, prize)
	b.pool(poolC, "DRAWN", 2, 2)
	b.pool(poolA, "OPEN", 10, 3)
	b.pool(poolB, "CANCELLED", 5, 3)

	b.cardTicket(sale{ticket: id(205), pool: poolC, num: 1, purchase: id(111), cents: 500, outcome: "LOST"}, "CONFIRMED")
	b.walletTicket(sale{ticket: id(208), pool: poolC, num: 2, purchase: id(112), cents: 500, outcome: "WON"}, "CONFIRMED")
	b.entry("CREDIT", "PRIZE_PAYOUT", 1000, "", poolC, id(208))

	b.walletTicket(sale{ticket: id(201), pool: poolA, num: 1, purchase: id(101), cents: 500}, "CONFIRMED")
	b.walletBoost(id(102), id(201), poolA, 200, "CONFIRMED")
	b.cardTicket(sale{ticket: id(202), pool: poolA, num: 2, purchase: id(103), cents: 500}, "CONFIRMED")
	b.walletTicket(sale{ticket: id(203), pool: poolA, num: 3, purchase: id(104), cents: 300, retryOf: id(205)}, "CONFIRMED")
	b.buy(purchase{id: id(105), pool: poolA, status: "REFUNDED", method: "provider", cents: 500, txn: "txn_105"})
	b.entry("CREDIT", "REFUND", 500, id(105), poolA, "")
	b.buy(purchase{id: id(106), pool: poolA, status: "REFUNDED", method: "wallet", cents: 500})
	b.hold(id(306), id(106), 500, "RELEASED")
	b.buy(purchase{id: id(107), pool: poolA, status: "FAILED", method: "wallet", cents: 500})
	b.hold(id(307), id(107), 500, "RELEASED")

	b.walletTicket(sale{ticket: id(204), pool: poolB, num: 1, purchase: id(108), cents: 500, voided: true}, "REFUNDED")
	b.entry("CREDIT", "REFUND", 500, id(108), poolB, id(204))
	b.cardBoost(id(109), id(204), poolB, 200, "REFUNDED")
	b.entry("CREDIT", "REFUND", 200, id(109), poolB, id(204))
	b.cardTicket(sale{ticket: id(206), pool: poolB, num: 2, purchase: id(110), cents: 500, voided: true}, "REFUNDED")
	b.entry("CREDIT", "REFUND", 500, id(110), poolB, id(206))
	b.buy(purchase{id: id(113), pool: poolB, status: "REFUNDED", method: "wallet", cents: 500})
	b.hold(id(313), id(113), 500, "RELEASED")
	b.ticket(sale{ticket: id(207), pool: poolB, num: 3, purchase: id(113), cents: 500, voided: true}, "wallet")

	b.expect(nil)
	return b
}

// migratedSystem is a fresh database with the api, ticketing and wallet migrations applied.
func migratedSystem(t *testing.T) *gorm.DB {
	t.Helper()
	dsn := testenv.FreshDatabase(t)
	ctx := context.Background()
	sqlDB, err := db.OpenSQL(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	for name, files := range map[string]fs.FS{api.Name: api.Migrations, ticketing.Name: ticketing.Migrations, wallet.Name: wallet.Migrations} {
		if err := db.Migrate(ctx, sqlDB, name, service.MigrationSets(files)...); err != nil {
			t.Fatal(err)
		}
	}
	return testenv.Open(t, dsn)
}

func (b *books) exec(sql string, args ...any) {
	b.t.Helper()
	if err := b.db.Exec(sql, args...).Error; err != nil {
		b.t.Fatalf("%s: %v", sql, err)
	}
}

func (b *books) pool(poolID, state string, required, sold int) {
	b.t.Helper()
	b.exec(`INSERT INTO ticketing.raffle_pool (pool_id, prize_id, ticket_price_cents, currency, tickets_required, tickets_sold,
		state, boost_price_cents, retry_price_cents, draw_commitment) VALUES (?, ?, 500, 'EUR', ?, ?, ?, 200, 300, decode(repeat('ab', 32), 'hex'))`,
		poolID, prize, required, sold, state)
}

// expect fails unless the audit with no grace finds exactly want, in its order.
func (b *books) expect(want []string) {
	b.t.Helper()
	b.expectWithGrace(0, want)
}

// expectWithGrace fails unless the audit with grace finds exactly want, in its order.
func (b *books) expectWithGrace(grace time.Duration, want []string) {
	b.t.Helper()
	found, err := purchaseaudit.CheckWithGrace(context.Background(), b.db, grace)
	if err != nil {
		b.t.Fatal(err)
	}
	got := make([]string, len(found))
	for i, v := range found {
		got[i] = v.String()
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		b.t.Fatalf("audit found:\n%s\nwant:\n%s", lines(got), lines(want))
	}
}

func lines(ls []string) string {
	s := ""
	for _, l := range ls {
		s += "  " + l + "\n"
	}
	return s
}

package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
)

func TestAuditIsCleanThenNamesAPlantedViolation(t *testing.T) {
	dsn, run := migratedSystem(t)
	if code, out := run("audit"); code != 0 || !strings.Contains(out, "audit clean") {
		t.Fatalf("audit of an empty system: exit %d, want 0 and 'audit clean'\n%s", code, out)
	}

	sqlDB, err := db.OpenSQL(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	// A balance cache that no ledger entry explains.
	if _, err := sqlDB.Exec(`INSERT INTO wallet.wallet_account (wallet_id, user_id, currency, status, balance_cents)
		VALUES ('0190a7e2-0000-7000-8000-0000000000aa', '00000000-0000-4000-8000-0000000000aa', 'EUR', 'ACTIVE', 500)`); err != nil {
		t.Fatalf("plant violation: %v", err)
	}
	code, out := run("audit")
	if code != 1 || !strings.Contains(out, "VIOLATION wallet") || !strings.Contains(out, "0190a7e2-0000-7000-8000-0000000000aa") {
		t.Fatalf("audit with a drifted balance cache: exit %d, want 1 naming the wallet\n%s", code, out)
	}
}

func TestAuditNamesATicketWithoutAConfirmedPurchase(t *testing.T) {
	dsn, run := migratedSystem(t)
	sqlDB, err := db.OpenSQL(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	const purchase = "0190a7e2-0000-7000-8000-0000000000bb"
	// A consistent pool with one ticket, whose purchase the api never confirmed.
	if _, err := sqlDB.Exec(`
		INSERT INTO ticketing.prize (prize_id, title, value_cents, currency, stock, kind)
		VALUES ('0190a7e2-0000-7000-8000-0000000000c1', 'Bike', 1000, 'EUR', 0, 'PHYSICAL');
		INSERT INTO ticketing.raffle_pool (pool_id, prize_id, ticket_price_cents, currency, tickets_required, tickets_sold, draw_commitment)
		VALUES ('0190a7e2-0000-7000-8000-0000000000c2', '0190a7e2-0000-7000-8000-0000000000c1', 500, 'EUR', 2, 1, decode(repeat('ab', 32), 'hex'));
		INSERT INTO ticketing.ticket (ticket_id, pool_id, ticket_num, user_id, purchase_id, source, amount_cents, currency, payment_method)
		VALUES ('0190a7e2-0000-7000-8000-0000000000c3', '0190a7e2-0000-7000-8000-0000000000c2', 1,
		        '00000000-0000-4000-8000-0000000000aa', '` + purchase + `', 'ENTRY', 500, 'EUR', 'provider')`); err != nil {
		t.Fatalf("plant violation: %v", err)
	}
	code, out := run("audit")
	if code != 1 || !strings.Contains(out, "VIOLATION purchases ticket_has_confirmed_purchase ticket 0190a7e2-0000-7000-8000-0000000000c3: purchase "+purchase+" is missing") {
		t.Fatalf("audit of a ticket without purchase: exit %d\n%s", code, out)
	}
	// Confirmed by its provider's payment, recorded with its transaction id.
	if _, err := sqlDB.Exec(`INSERT INTO api.purchase (purchase_id, user_id, pool_id, type, status, amount_cents, currency, payment_method, provider, settled_txn_id)
		VALUES ('` + purchase + `', '00000000-0000-4000-8000-0000000000aa', '0190a7e2-0000-7000-8000-0000000000c2', 'ENTRY', 'CONFIRMED', 500, 'EUR', 'provider', 'stripe', 'pi_c3')`); err != nil {
		t.Fatal(err)
	}
	if code, out := run("audit"); code != 0 {
		t.Fatalf("audit once the purchase is confirmed: exit %d\n%s", code, out)
	}
}

// migratedSystem migrates a fresh database with tickup and returns it with a function that
// runs tickup against it, returning the exit code and the output.
func migratedSystem(t *testing.T) (string, func(args ...string) (int, string)) {
	t.Helper()
	dsn := testenv.FreshDatabase(t)
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	run := func(args ...string) (int, string) {
		p := testenv.StartProcess(t, "tickup "+args[0], bin, args, "DATABASE_URL="+dsn)
		code, err := p.Wait(60 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		return code, p.Output()
	}
	if code, out := run("migrate"); code != 0 {
		t.Fatalf("migrate: exit %d\n%s", code, out)
	}
	return dsn, run
}

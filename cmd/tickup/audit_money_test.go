package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"tickup.dev/pkg/db"
	"tickup.dev/services/api/purchaseaudit"
)

func TestAuditHelpListsEveryMoneyCheck(t *testing.T) {
	var out bytes.Buffer
	root := newRoot()
	root.SetOut(&out)
	root.SetArgs([]string{"audit", "--help"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	for _, name := range append(purchaseaudit.Names(), "--grace") {
		if !strings.Contains(out.String(), name) {
			t.Errorf("tickup audit --help does not list %s:\n%s", name, out.String())
		}
	}
}

// TestAuditSeesAnUnpaidTicket: a wallet-paid ticket whose hold was released (the hold
// expired before the confirmation landed) is a ticket nobody paid for. Every older invariant
// holds (the purchase is CONFIRMED, the pool counts its ticket, no ledger entry is wrong), so
// only the money checks can see it: no capture, a pool short of its price, a released hold
// with a live ticket.
func TestAuditSeesAnUnpaidTicket(t *testing.T) {
	dsn, run := migratedSystem(t)
	sqlDB, err := db.OpenSQL(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	const (
		user     = "00000000-0000-4000-8000-0000000000aa"
		wallet   = "0190a7e2-0000-7000-8000-0000000000d1"
		pool     = "0190a7e2-0000-7000-8000-0000000000d2"
		purchase = "0190a7e2-0000-7000-8000-0000000000d3"
		ticket   = "0190a7e2-0000-7000-8000-0000000000d4"
		hold     = "0190a7e2-0000-7000-8000-0000000000d5"
	)
	// Older than the audit's default grace: this is no saga in flight.
	if _, err := sqlDB.Exec(`
		INSERT INTO wallet.wallet_account (wallet_id, user_id, currency, status, balance_cents)
		VALUES ('` + wallet + `', '` + user + `', 'EUR', 'ACTIVE', 0);
		INSERT INTO ticketing.prize (prize_id, title, value_cents, currency, stock, kind)
		VALUES ('0190a7e2-0000-7000-8000-0000000000d0', 'Bike', 1000, 'EUR', 0, 'PHYSICAL');
		INSERT INTO ticketing.raffle_pool (pool_id, prize_id, ticket_price_cents, currency, tickets_required, tickets_sold, draw_commitment)
		VALUES ('` + pool + `', '0190a7e2-0000-7000-8000-0000000000d0', 500, 'EUR', 2, 1, decode(repeat('ab', 32), 'hex'));
		INSERT INTO api.purchase (purchase_id, user_id, pool_id, type, status, amount_cents, currency, payment_method, hold_expires_at, created_at, updated_at)
		VALUES ('` + purchase + `', '` + user + `', '` + pool + `', 'ENTRY', 'CONFIRMED', 500, 'EUR', 'wallet',
		        now() - interval '50 minutes', now() - interval '1 hour', now() - interval '1 hour');
		INSERT INTO wallet.wallet_hold (hold_id, wallet_id, purchase_id, pool_id, amount_cents, currency, status, reason,
		        expires_at, released_at, release_reason, created_at)
		VALUES ('` + hold + `', '` + wallet + `', '` + purchase + `', '` + pool + `', 500, 'EUR', 'RELEASED', 'TICKET_RESERVATION',
		        now() - interval '50 minutes', now() - interval '50 minutes', 'expired', now() - interval '1 hour');
		INSERT INTO ticketing.ticket (ticket_id, pool_id, ticket_num, user_id, purchase_id, source, amount_cents, currency,
		        payment_method, created_at)
		VALUES ('` + ticket + `', '` + pool + `', 1, '` + user + `', '` + purchase + `', 'ENTRY', 500, 'EUR', 'wallet',
		        now() - interval '1 hour')`); err != nil {
		t.Fatalf("plant an unpaid ticket: %v", err)
	}
	code, out := run("audit")
	for _, want := range []string{
		"VIOLATION purchases wallet_ticket_captured_once_at_price ticket " + ticket + ": wallet-paid ENTRY purchase " +
			purchase + " priced 500 EUR (purchase 500 EUR): 0 POSTED capture(s): none\n",
		"VIOLATION purchases pool_sales_equal_money_in pool " + pool + ": sold 500 EUR (live tickets and boosts) but money in is 0: " +
			"captures 0 + card settlements 0 - refunds 0 (off by -500)\n",
		"VIOLATION purchases released_hold_has_no_ticket hold " + hold + ": RELEASED (expired) but its purchase " + purchase +
			" of 500 EUR has live ticket " + ticket + "\n",
	} {
		if code != 1 || !strings.Contains(out, want) {
			t.Fatalf("audit of an unpaid ticket: exit %d, want 1 and the line\n%s\ngot:\n%s", code, want, out)
		}
	}
	if n := strings.Count(out, "VIOLATION"); n != 3 {
		t.Fatalf("audit of an unpaid ticket: %d violations, want 3\n%s", n, out)
	}
}

package purchaseaudit_test

import (
	"testing"

	"tickup.dev/services/api/purchaseaudit"
)

func TestAuditOfConsistentBooksFindsNothing(t *testing.T) {
	t.Parallel()
	newBooks(t) // every flow of the books, audited clean by newBooks itself
}

// poolLine is the pool balance finding for pool: what it sold and the money in it.
func poolLine(pool, sold, in, captures, settled, refunds, off string) string {
	return purchaseaudit.CheckPoolBalance + " pool " + pool + ": sold " + sold + " EUR (live tickets and boosts) but money in is " + in +
		": captures " + captures + " + card settlements " + settled + " - refunds " + refunds + " (off by " + off + ")"
}

// TestAuditNamesEachPlantedMoneyViolation plants one violation at a time into consistent books
// and expects exactly the findings that name it, with its ids and amounts. Pool A's books
// sell 1,500 (captures 1,000 + card 1,000 − refunds 500); pool B's 0 (700 settled + 500
// captured, all 1,200 refunded).
func TestAuditNamesEachPlantedMoneyViolation(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		plant func(b *books)
		want  []string
	}{{
		name: "a ticket issued after its hold was released is never captured",
		plant: func(b *books) {
			b.buy(purchase{id: id(120), pool: poolA, status: "CONFIRMED", method: "wallet", cents: 500})
			b.hold(id(320), id(120), 500, "RELEASED")
			b.ticket(sale{ticket: id(220), pool: poolA, num: 4, purchase: id(120), cents: 500}, "wallet")
		},
		want: []string{
			purchaseaudit.CheckWalletCapture + " ticket " + id(220) + ": wallet-paid ENTRY purchase " + id(120) +
				" priced 500 EUR (purchase 500 EUR): 0 POSTED capture(s): none",
			poolLine(poolA, "2000", "1500", "1000", "1000", "500", "-500"),
			purchaseaudit.CheckReleasedHold + " hold " + id(320) + ": RELEASED (released) but its purchase " + id(120) +
				" of 500 EUR has live ticket " + id(220),
		},
	}, {
		name: "a purchase captured twice",
		plant: func(b *books) {
			b.exec(`DROP INDEX wallet.wallet_ledger_one_capture`)
			b.entry("DEBIT", "TICKET_PURCHASE", 500, id(101), poolA, id(201))
		},
		want: []string{
			purchaseaudit.CheckWalletCapture + " ticket " + id(201) + ": wallet-paid ENTRY purchase " + id(101) +
				" priced 500 EUR (purchase 500 EUR): 2 POSTED capture(s): entry 3 of 500 EUR, entry 11 of 500 EUR",
			poolLine(poolA, "1500", "2000", "1500", "1000", "500", "500"),
		},
	}, {
		name: "a capture below the ticket's price",
		plant: func(b *books) {
			b.buy(purchase{id: id(121), pool: poolA, status: "CONFIRMED", method: "wallet", cents: 500})
			b.ticket(sale{ticket: id(221), pool: poolA, num: 4, purchase: id(121), cents: 500}, "wallet")
			b.hold("", id(121), 500, "CAPTURED")
			b.entry("DEBIT", "TICKET_PURCHASE", 400, id(121), poolA, id(221))
		},
		want: []string{
			purchaseaudit.CheckWalletCapture + " ticket " + id(221) + ": wallet-paid ENTRY purchase " + id(121) +
				" priced 500 EUR (purchase 500 EUR): 1 POSTED capture(s): entry 11 of 400 EUR",
			poolLine(poolA, "2000", "1900", "1400", "1000", "500", "-100"),
		},
	}, {
		name:  "an admin reverses the capture of a live boost",
		plant: func(b *books) { b.reverse(4) },
		want: []string{
			purchaseaudit.CheckWalletCapture + " boost of ticket " + id(201) + ": wallet-paid BOOST purchase " + id(102) +
				" priced 200 EUR (purchase 200 EUR): 0 POSTED capture(s): none",
			poolLine(poolA, "1500", "1300", "800", "1000", "500", "-200"),
		},
	}, {
		name: "a wallet-paid RETRY without its capture",
		plant: func(b *books) {
			b.buy(purchase{id: id(122), pool: poolA, typ: "RETRY", status: "CONFIRMED", method: "wallet", cents: 300, retries: id(208)})
			b.ticket(sale{ticket: id(222), pool: poolA, num: 4, purchase: id(122), cents: 300, retryOf: id(208)}, "wallet")
		},
		want: []string{
			purchaseaudit.CheckWalletCapture + " ticket " + id(222) + ": wallet-paid RETRY purchase " + id(122) +
				" priced 300 EUR (purchase 300 EUR): 0 POSTED capture(s): none",
			poolLine(poolA, "1800", "1500", "1000", "1000", "500", "-300"),
		},
	}, {
		name: "a card-paid ticket whose provider transaction was never recorded",
		plant: func(b *books) {
			b.exec(`UPDATE api.purchase SET `+settledTxnColumn+` = NULL WHERE purchase_id = ?`, id(103))
		},
		want: []string{
			purchaseaudit.CheckCardPayment + " ticket " + id(202) + ": card-paid ENTRY purchase " + id(103) +
				" priced 500 EUR: recorded payment provider stripe, txn none, amount 500 EUR",
			poolLine(poolA, "1500", "1000", "1000", "500", "500", "-500"),
		},
	}, {
		name: "a card payment recorded for less than the ticket",
		plant: func(b *books) {
			b.buy(purchase{id: id(123), pool: poolA, status: "CONFIRMED", method: "provider", cents: 400, txn: "pi_123"})
			b.ticket(sale{ticket: id(223), pool: poolA, num: 4, purchase: id(123), cents: 500}, "provider")
		},
		want: []string{
			purchaseaudit.CheckCardPayment + " ticket " + id(223) + ": card-paid ENTRY purchase " + id(123) +
				" priced 500 EUR: recorded payment provider stripe, txn pi_123, amount 400 EUR",
			poolLine(poolA, "2000", "1900", "1000", "1400", "500", "-100"),
		},
	}, {
		name: "a ticket whose card purchase is still PENDING",
		plant: func(b *books) {
			b.buy(purchase{id: id(124), pool: poolA, status: "PENDING", method: "provider", cents: 500, txn: "pi_124"})
			b.ticket(sale{ticket: id(224), pool: poolA, num: 4, purchase: id(124), cents: 500}, "provider")
		},
		want: []string{
			purchaseaudit.CheckConfirmedPurchase + " ticket " + id(224) + ": purchase " + id(124) + " is PENDING",
			poolLine(poolA, "2000", "1500", "1000", "1000", "500", "-500"),
		},
	}, {
		name:  "a refund for a ticket that still plays",
		plant: func(b *books) { b.entry("CREDIT", "REFUND", 500, id(101), poolA, id(201)) },
		want:  []string{poolLine(poolA, "1500", "1000", "1000", "1000", "1000", "-500")},
	}, {
		name:  "a capture reversed after its purchase was refunded pays the buyer twice",
		plant: func(b *books) { b.reverse(7) },
		want: []string{
			poolLine(poolB, "0", "-500", "0", "700", "1200", "-500"),
			purchaseaudit.CheckRefundWithinPaid + " purchase " + id(108) + ": refunded 500 (entry 8 of 500 EUR) + given back by the provider 0 but paid 0: captures 0 (none) + card settlement 0",
		},
	}, {
		name:  "a refund of a purchase nobody made",
		plant: func(b *books) { b.entry("CREDIT", "REFUND", 300, id(199), poolA, "") },
		want: []string{
			poolLine(poolA, "1500", "1200", "1000", "1000", "800", "-300"),
			purchaseaudit.CheckRefundWithinPaid + " purchase " + id(199) + ": refunded 300 (entry 11 of 300 EUR) + given back by the provider 0 but paid 0: captures 0 (none) + card settlement 0",
		},
	}, {
		name: "a voided card-paid ticket of a cancelled pool never refunded",
		plant: func(b *books) {
			b.cardTicket(sale{ticket: id(225), pool: poolB, num: 4, purchase: id(125), cents: 500, voided: true}, "REFUNDED")
		},
		want: []string{poolLine(poolB, "0", "500", "500", "1200", "1200", "500")},
	}, {
		name: "store credit for a card payment the provider already refunded pays the buyer twice",
		plant: func(b *books) {
			b.cardTicket(sale{ticket: id(227), pool: poolA, num: 4, purchase: id(127), cents: 500, voided: true}, "REFUNDED")
			b.exec(`UPDATE api.purchase SET refunded_cents = 500 WHERE purchase_id = ?`, id(127))
			b.entry("CREDIT", "REFUND", 500, id(127), poolA, id(227))
		},
		want: []string{
			poolLine(poolA, "1500", "1000", "1000", "1000", "1000", "-500"),
			purchaseaudit.CheckRefundWithinPaid + " purchase " + id(127) + ": refunded 500 (entry 11 of 500 EUR) + given back by the provider 500" +
				" but paid 500: captures 0 (none) + card settlement 500",
		},
	}, {
		name: "a provider refund that voided the ticket of an OPEN pool is balanced",
		plant: func(b *books) {
			b.cardTicket(sale{ticket: id(227), pool: poolA, num: 4, purchase: id(127), cents: 500, voided: true}, "REFUNDED")
			b.exec(`UPDATE api.purchase SET refunded_cents = 500 WHERE purchase_id = ?`, id(127))
		},
	}, {
		name: "a ticket whose card payment is disputed plays on with no payment case on record",
		plant: func(b *books) {
			b.cardTicket(sale{ticket: id(228), pool: poolA, num: 4, purchase: id(128), cents: 500}, "DISPUTED")
		},
		want: []string{purchaseaudit.CheckConfirmedPurchase + " ticket " + id(228) + ": purchase " + id(128) + " is DISPUTED"},
	}, {
		name: "a ticket disputed after the draw with its payment case on record is for operators, not the audit",
		plant: func(b *books) {
			b.cardTicket(sale{ticket: id(228), pool: poolA, num: 4, purchase: id(128), cents: 500}, "DISPUTED")
			b.exec(`INSERT INTO api.payment_case (case_id, purchase_id, provider, event_id, event_type, kind, amount_cents,
				currency, purchase_status, pool_state, resolution)
				VALUES (gen_random_uuid(), ?, 'stripe', 'evt_228', 'charge.dispute.created', 'DISPUTE', 500, 'EUR',
				        'DISPUTED', 'DRAWN', 'operator_review')`, id(128))
		},
	}, {
		name: "a hold in a state the wallet does not have",
		plant: func(b *books) {
			b.exec(`ALTER TABLE wallet.wallet_hold DROP CONSTRAINT wallet_hold_status_check, DROP CONSTRAINT wallet_hold_status_times`)
			b.hold(id(326), id(126), 500, "EXPIRED")
		},
		want: []string{
			purchaseaudit.CheckHoldStatus + " hold " + id(326) + ": status EXPIRED, want ACTIVE, CAPTURED or RELEASED (TICKET_RESERVATION 500 EUR of wallet " +
				walletID + ", purchase " + id(126) + ", withdrawal none)",
		},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			b := newBooks(t)
			c.plant(b)
			b.expect(c.want)
		})
	}
}

// TestAuditLeavesInFlightWorkToTheGrace: a ticket younger than the grace is not yet owed
// its capture, nor is its pool settled; a released hold with a live ticket never settles.
func TestAuditLeavesInFlightWorkToTheGrace(t *testing.T) {
	t.Parallel()
	b := newBooks(t)
	b.buy(purchase{id: id(120), pool: poolA, status: "CONFIRMED", method: "wallet", cents: 500})
	b.hold(id(320), id(120), 500, "RELEASED")
	b.ticket(sale{ticket: id(220), pool: poolA, num: 4, purchase: id(120), cents: 500}, "wallet")
	b.exec(`UPDATE ticketing.ticket SET created_at = now() WHERE ticket_id = ?`, id(220))
	released := purchaseaudit.CheckReleasedHold + " hold " + id(320) + ": RELEASED (released) but its purchase " + id(120) +
		" of 500 EUR has live ticket " + id(220)
	b.expectWithGrace(purchaseaudit.DefaultGrace, []string{released})
	b.expect([]string{
		purchaseaudit.CheckWalletCapture + " ticket " + id(220) + ": wallet-paid ENTRY purchase " + id(120) +
			" priced 500 EUR (purchase 500 EUR): 0 POSTED capture(s): none",
		poolLine(poolA, "2000", "1500", "1000", "1000", "500", "-500"),
		released,
	})
}

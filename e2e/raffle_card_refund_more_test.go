package e2e

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/ticketing/ticketing"
)

// TestVoidedTicketTakesNoPartInTheDraw: a ticket voided by a card refund keeps its number
// (the pool still sells numbers 2 and 3 and fills at 3), but the draw's list leaves it out
// and the proof verifies.
func TestVoidedTicketTakesNoPartInTheDraw(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 3, nil)
	_, annTok := newUser(t, roleUser)
	ann, annTicket := r.paidByGeneric(t, annTok, pool.PoolID, "txn_ann")
	refund := signedGeneric(t, "evt_refund_ann", "payment.refunded", paymentData(ann, "txn_ann", rafflePrice), raffleGenericSecret, time.Now())
	r.deliver(t, refund, http.StatusOK)
	r.waitVoided(t, annTok, annTicket.TicketID)
	for i := range 2 {
		_, tok := newUser(t, roleUser)
		if _, ticket := r.paidByGeneric(t, tok, pool.PoolID, fmt.Sprintf("txn_%d", i)); ticket.TicketNum != i+2 {
			t.Fatalf("ticket number %d, want %d", ticket.TicketNum, i+2)
		}
	}
	r.waitPoolState(t, pool.PoolID, "DRAWN")
	var proof DrawProof
	r.do(t, http.MethodGet, "/api/v1/draws/"+pool.PoolID, "", nil).decode(t, http.StatusOK, &proof)
	if proof.N != 2 || len(proof.Tickets) != 2 || proof.Tickets[0].TicketNum != 2 || proof.Winners[0].TicketNum == 1 {
		t.Fatalf("proof with %d tickets %+v, winners %+v: want tickets 2 and 3 only", proof.N, proof.Tickets, proof.Winners)
	}
	var v Verification
	r.do(t, http.MethodGet, "/api/v1/draws/"+pool.PoolID+"/verify", "", nil).decode(t, http.StatusOK, &v)
	if !v.Valid {
		t.Fatalf("verification %+v", v)
	}
}

// TestCardRefundOfABoostVoidsOnlyTheBoost: a refunded boost no longer counts in its
// ticket's weight and the ticket stands; when the ticket's own payment is refunded, the
// ticket is voided with the boosts still on it, and those (paid separately) are refunded
// as store credit; the refunded boost and ticket get none.
func TestCardRefundOfABoostVoidsOnlyTheBoost(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 5, map[string]any{"boost_price_cents": 200, "max_boosts_per_user": 2})
	_, annTok := newUser(t, roleUser)
	entry, ticket := r.paidByGeneric(t, annTok, pool.PoolID, "txn_entry")
	boost := func(txn string) Purchase {
		p := r.buy(t, annTok, map[string]any{"pool_id": pool.PoolID, "type": "BOOST", "ticket_id": ticket.TicketID,
			"provider": "generic", "amount_cents": 200})
		r.deliver(t, signedGeneric(t, "evt_ok_"+txn, "payment.succeeded", paymentData(p, txn, 200), raffleGenericSecret, time.Now()), http.StatusOK)
		r.waitPurchase(t, annTok, p.PurchaseID, "boost applied", func(p Purchase) bool { return p.IssuedTicketID != "" })
		return p
	}
	first, second := boost("txn_boost_1"), boost("txn_boost_2")
	refund := signedGeneric(t, "evt_refund_boost", "payment.refunded", paymentData(first, "txn_boost_1", 200), raffleGenericSecret, time.Now())
	r.deliver(t, refund, http.StatusOK)
	r.waitCase(t, first.PurchaseID, "ticket_voided")
	if got := r.ticket(t, annTok, ticket.TicketID); got.Weight != 2 || got.VoidedAt != nil {
		t.Fatalf("ticket %+v after one of two boosts was refunded: want weight 2, not voided", got)
	}
	refund = signedGeneric(t, "evt_refund_entry", "payment.refunded", paymentData(entry, "txn_entry", rafflePrice), raffleGenericSecret, time.Now())
	r.deliver(t, refund, http.StatusOK)
	r.waitVoided(t, annTok, ticket.TicketID)
	r.waitPurchase(t, annTok, second.PurchaseID, "the other boost refunded", func(p Purchase) bool {
		return p.Status == StatusRefunded
	})
	testenv.WaitFor(t, raffleWait, "store credit for the other boost", func() error {
		if n := r.storeCredits(t, second.PurchaseID); n != 1 {
			return fmt.Errorf("%d store credits", n)
		}
		return nil
	})
	for _, id := range []string{entry.PurchaseID, first.PurchaseID} {
		r.waitWalletHandledVoid(t, id)
		if n := r.storeCredits(t, id); n != 0 {
			t.Fatalf("%d store credit(s) for purchase %s refunded to the card", n, id)
		}
	}
	r.do(t, http.MethodPost, "/api/v1/pools/"+pool.PoolID+"/cancel", r.adminTok, map[string]any{"reason": "sponsor withdrew"}).
		decode(t, http.StatusOK, &pool)
	if n := r.adminCount(t, `SELECT count(*) FROM ticketing.outbox WHERE event_type = 'tickup.ticketing.ticket.voided'`); n != 3 {
		t.Fatalf("%d ticket.voided events after the cancellation, want 3 (nothing voided twice)", n)
	}
}

// TestRefundBeforeIssueMeansNoTicket: a refund that reaches ticketing before the purchase's
// confirmation rejects the purchase there, so the late confirmation issues nothing, and
// the wallet credits nothing.
func TestRefundBeforeIssueMeansNoTicket(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 3, nil)
	ann, annTok := newUser(t, roleUser)
	id := uuid.Must(uuid.NewV7()).String()
	err := r.db.Exec(`INSERT INTO purchase (purchase_id, user_id, pool_id, type, status, amount_cents, currency,
		payment_method, provider, provider_txn_id) VALUES (?, ?, ?, 'ENTRY', 'CONFIRMED', ?, 'EUR', 'provider', 'generic', 'txn_early')`,
		id, ann, pool.PoolID, rafflePrice).Error
	if err != nil {
		t.Fatalf("plant a confirmed purchase: %v", err)
	}
	p := r.purchase(t, annTok, id)
	refund := signedGeneric(t, "evt_refund_early", "payment.refunded", paymentData(p, "txn_early", rafflePrice), raffleGenericSecret, time.Now())
	if ack := r.deliver(t, refund, http.StatusOK); ack.Outcome != "refunded" {
		t.Fatalf("refund: %+v", ack)
	}
	r.waitCase(t, id, "no_ticket")
	conn, err := bus.Connect(t.Context(), r.nats, "refund-test", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	msgID := uuid.NewString()
	publishAs(t, conn, msgID, events.PurchaseConfirmed{SchemaVersion: events.SchemaVersion, PurchaseID: id, UserID: ann,
		PoolID: pool.PoolID, Type: "ENTRY", AmountCents: rafflePrice, Currency: "EUR", PaymentMethod: "provider", Provider: "generic"})
	testenv.WaitFor(t, raffleWait, "ticketing handled the late confirmation", func() error {
		if n := r.adminCount(t, `SELECT count(*) FROM ticketing.inbox WHERE consumer = ? AND msg_id = ?`, ticketing.PurchasesDurable, msgID); n != 1 {
			return fmt.Errorf("not yet")
		}
		return nil
	})
	r.waitWalletHandled(t, "tickup.ticketing.ticket.rejected", id)
	if n := r.adminCount(t, `SELECT count(*) FROM ticketing.ticket WHERE purchase_id = ?`, id); n != 0 || r.storeCredits(t, id) != 0 {
		t.Fatalf("%d ticket(s), %d store credit(s) for a purchase refunded before it was issued", n, r.storeCredits(t, id))
	}
}

// adminCount runs a count over any schema.
func (r *raffle) adminCount(t *testing.T, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := r.adminDB.Raw(query, args...).Row().Scan(&n); err != nil {
		t.Fatalf("count: %v", err)
	}
	return n
}

// TestConcurrentCardRefundsCountOnce: the same refund delivered concurrently, under one
// event id and under several, moves the purchase once, voids its ticket once and records
// one case per distinct event id that changed something (the first).
func TestConcurrentCardRefundsCountOnce(t *testing.T) {
	const deliveries = 16
	r := startRaffle(t, 1)
	pool := r.createPool(t, 3, nil)
	_, annTok := newUser(t, roleUser)
	p, ticket := r.paidByGeneric(t, annTok, pool.PoolID, "txn_ann")
	var wg sync.WaitGroup
	errs := make(chan error, deliveries)
	for i := range deliveries {
		wg.Go(func() {
			d, err := genericDelivery(fmt.Sprintf("evt_refund_%d", i%4), "payment.refunded",
				paymentData(p, "txn_ann", rafflePrice), raffleGenericSecret, time.Now())
			if err == nil {
				var resp response
				resp, err = r.call(r.gateway, http.MethodPost, d.path, "", d.body, d.header)
				if err == nil && resp.Status != http.StatusOK {
					err = fmt.Errorf("refund answered %d: %s", resp.Status, resp.Body)
				}
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	r.waitVoided(t, annTok, ticket.TicketID)
	r.waitCase(t, p.PurchaseID, "ticket_voided")
	r.waitWalletHandledVoid(t, p.PurchaseID)
	refunded := r.outboxCount(t, "tickup.api.purchase.refunded", p.PurchaseID)
	voided := r.adminCount(t, `SELECT count(*) FROM ticketing.outbox WHERE event_type = 'tickup.ticketing.ticket.voided'`)
	if refunded != 1 || voided != 1 || r.receipts(t) != 5 || r.storeCredits(t, p.PurchaseID) != 0 {
		t.Fatalf("%d purchase.refunded, %d ticket.voided, %d receipts: want 1, 1, 5 (1 payment + 4 refunds)",
			refunded, voided, r.receipts(t))
	}
}

// publishAs publishes e under message id id, as its producer's outbox relay would.
func publishAs(t *testing.T, conn *bus.Conn, id string, e events.Event) {
	t.Helper()
	data, err := events.Encode(e)
	if err != nil {
		t.Fatal(err)
	}
	msg := bus.Message{ID: id, Subject: e.EventSubject(), Type: e.EventType(), Data: data}
	if err := conn.Publish(context.Background(), msg); err != nil {
		t.Fatalf("publish %s: %v", id, err)
	}
}

package e2e

import (
	"bytes"
	"net/http"
	"testing"
	"time"
)

// TestRaffleCardPurchaseByStripe is the seed's flow paid by card: a Stripe webhook
// confirms the purchase, ticketing issues ticket 1, a redelivery changes nothing, bad
// signatures record nothing, and redeem answers the one ticket.
func TestRaffleCardPurchaseByStripe(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 3, nil)
	ann, annTok := newUser(t, roleUser)
	p := r.buy(t, annTok, map[string]any{"pool_id": pool.PoolID, "provider": "stripe", "amount_cents": rafflePrice, "currency": "EUR"})
	if p.UserID != ann || p.AmountCents != rafflePrice || p.Currency != "EUR" || p.PaymentMethod != "provider" || p.Type != "ENTRY" {
		t.Fatalf("purchase %+v", p)
	}
	redeem := map[string]any{"pool_id": pool.PoolID, "purchase_id": p.PurchaseID}
	r.do(t, http.MethodPost, "/api/v1/tickets", annTok, redeem).problem(t, http.StatusConflict, "purchase-not-confirmed")

	body := stripeEvent("evt_stripe_1", "payment_intent.succeeded", "pi_1", rafflePrice, map[string]string{"purchase_id": p.PurchaseID})
	tampered := signedStripe(body, raffleStripeSecret, time.Now())
	tampered.body = bytes.Replace(body, []byte("pi_1"), []byte("pi_2"), 1)
	for _, bad := range []delivery{signedStripe(body, "whsec_not_ours", time.Now()),
		signedStripe(body, raffleStripeSecret, time.Now().Add(-10*time.Minute)), tampered,
		{path: "/api/v1/webhooks/stripe", body: body}} {
		resp, err := r.call(r.gateway, http.MethodPost, bad.path, "", bad.body, bad.header)
		if err != nil {
			t.Fatal(err)
		}
		resp.problem(t, http.StatusBadRequest, "invalid-signature")
	}
	if n := r.receipts(t); n != 0 || r.purchase(t, annTok, p.PurchaseID).Status != StatusPending {
		t.Fatalf("refused webhooks recorded %d receipts or changed the purchase", n)
	}

	good := signedStripe(body, raffleStripeSecret, time.Now())
	if ack := r.deliver(t, good, http.StatusOK); ack.Outcome != "confirmed" || ack.Duplicate {
		t.Fatalf("first delivery: %+v", ack)
	}
	ticket := r.waitTicket(t, annTok, pool.PoolID, p.PurchaseID)
	if ticket.TicketNum != 1 || ticket.UserID != ann {
		t.Fatalf("ticket %+v, want ticket_num 1 of ann", ticket)
	}
	before := r.purchase(t, annTok, p.PurchaseID)
	if ack := r.deliver(t, good, http.StatusOK); !ack.Duplicate || ack.Outcome != "confirmed" {
		t.Fatalf("second delivery: %+v", ack)
	}
	after := r.purchase(t, annTok, p.PurchaseID)
	if !after.UpdatedAt.Equal(before.UpdatedAt) || after.ProviderTxnID != "pi_1" || r.receipts(t) != 1 ||
		r.outboxCount(t, "tickup.api.purchase.confirmed", p.PurchaseID) != 1 {
		t.Fatalf("the redelivery changed something: %+v → %+v", before, after)
	}
	r.expectOneTicket(t, annTok, pool.PoolID, redeem, ticket)
}

// expectOneTicket redeems twice, getting the same ticket, and checks that the pool still
// has one ticket.
func (r *raffle) expectOneTicket(t *testing.T, tok, poolID string, redeem map[string]any, want Ticket) {
	t.Helper()
	for range 2 {
		var got Ticket
		r.do(t, http.MethodPost, "/api/v1/tickets", tok, redeem).decode(t, http.StatusOK, &got)
		if got.TicketID != want.TicketID || got.TicketNum != want.TicketNum {
			t.Fatalf("redeem gave %+v, want %+v", got, want)
		}
	}
	var count TicketsCount
	r.do(t, http.MethodGet, "/api/v1/pools/"+poolID+"/tickets/count", "", nil).decode(t, http.StatusOK, &count)
	if count.Count != 1 || len(r.myTickets(t, tok, poolID)) != 1 {
		t.Fatalf("tickets count %+v after redeeming: want 1", count)
	}
}

// waitTicket waits for the ticket of purchase id and for the purchase to record it.
func (r *raffle) waitTicket(t *testing.T, tok, poolID, purchaseID string) Ticket {
	t.Helper()
	p := r.waitPurchase(t, tok, purchaseID, "ticket issued", func(p Purchase) bool { return p.IssuedTicketID != "" })
	var ticket Ticket
	r.do(t, http.MethodGet, "/api/v1/tickets/"+p.IssuedTicketID, tok, nil).decode(t, http.StatusOK, &ticket)
	if ticket.PurchaseID != purchaseID || ticket.PoolID != poolID || p.Status != StatusConfirmed {
		t.Fatalf("ticket %+v of purchase %+v", ticket, p)
	}
	return ticket
}

// outboxCount counts the api's events of a type about one aggregate.
func (r *raffle) outboxCount(t *testing.T, eventType, aggregateID string) int64 {
	t.Helper()
	return r.count(t, `SELECT count(*) FROM outbox WHERE event_type = ? AND aggregate_id = ?`, eventType, aggregateID)
}

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/testenv"
)

// TestRaffleBoostRedeemAndCancellation: a BOOST is sold at the boost price to the ticket's
// owner only and raises its weight; redeem answers 202 while a ticket is in flight; a
// cancelled pool refunds the entry and the boost once each (as store credit, since they
// were paid by card).
func TestRaffleBoostRedeemAndCancellation(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 5, map[string]any{"boost_price_cents": 200})
	ann, annTok := newUser(t, roleUser)
	_, bobTok := newUser(t, roleUser)
	entry := r.buy(t, annTok, map[string]any{"pool_id": pool.PoolID, "provider": "stripe"})
	r.settle(t, entry.PurchaseID, "CONFIRMED")
	ticket := r.waitTicket(t, annTok, pool.PoolID, entry.PurchaseID)
	boostBody := map[string]any{"pool_id": pool.PoolID, "type": "BOOST", "ticket_id": ticket.TicketID, "provider": "stripe"}
	r.do(t, http.MethodPost, "/api/v1/purchases", bobTok, boostBody).problem(t, http.StatusUnprocessableEntity, SlugValidation)
	boostBody["amount_cents"] = 200
	boost := r.buy(t, annTok, boostBody)
	if boost.AmountCents != 200 || boost.Type != "BOOST" || boost.TicketID != ticket.TicketID {
		t.Fatalf("boost %+v", boost)
	}
	r.settle(t, boost.PurchaseID, "CONFIRMED")
	r.waitPurchase(t, annTok, boost.PurchaseID, "boost applied", func(p Purchase) bool { return p.IssuedTicketID == ticket.TicketID })
	var boosted Ticket
	r.do(t, http.MethodGet, "/api/v1/tickets/"+ticket.TicketID, annTok, nil).decode(t, http.StatusOK, &boosted)
	if boosted.Weight != 2 {
		t.Fatalf("weight %d after one boost, want 2", boosted.Weight)
	}
	r.do(t, http.MethodPost, "/api/v1/tickets", annTok, map[string]any{"pool_id": pool.PoolID, "purchase_id": boost.PurchaseID}).
		problem(t, http.StatusUnprocessableEntity, SlugValidation)
	r.redeemInFlight(t, ann, annTok, pool.PoolID)

	r.do(t, http.MethodPost, "/api/v1/pools/"+pool.PoolID+"/cancel", r.adminTok, map[string]any{"reason": "sponsor withdrew"}).
		decode(t, http.StatusOK, &pool)
	for _, id := range []string{entry.PurchaseID, boost.PurchaseID} {
		p := r.waitPurchase(t, annTok, id, "refunded", func(p Purchase) bool { return p.Status == StatusRefunded })
		if p.FailureReason == "" || r.outboxCount(t, "tickup.api.purchase.refunded", id) != 1 {
			t.Fatalf("refunded purchase %+v: want a reason and one purchase.refunded", p)
		}
	}
	testenv.WaitFor(t, raffleWait, "store credit", func() error {
		w, err := r.wallet.Wallet(context.Background(), walletrpc.WalletRequest{UserID: ann})
		if err != nil || w.BalanceCents != rafflePrice+200 {
			return fmt.Errorf("wallet %+v (%v)", w, err)
		}
		return nil
	})
}

// settle confirms or fails a card-paid purchase as the service role.
func (r *raffle) settle(t *testing.T, purchaseID, status string) {
	t.Helper()
	var p Purchase
	r.do(t, http.MethodPut, "/api/v1/purchases/"+purchaseID, r.svcTok, map[string]any{"status": status,
		"provider_txn_id": "txn_" + purchaseID}).decode(t, http.StatusOK, &p)
	if p.Status != status {
		t.Fatalf("settled %+v, want %s", p, status)
	}
}

// redeemInFlight plants a CONFIRMED purchase whose confirmation ticketing has not received
// yet: redeem answers 202 with the purchase and its Location, and issues nothing.
func (r *raffle) redeemInFlight(t *testing.T, userID, tok, poolID string) {
	t.Helper()
	id := uuid.Must(uuid.NewV7()).String()
	err := r.db.Exec(`INSERT INTO purchase (purchase_id, user_id, pool_id, type, status, amount_cents, currency,
		payment_method, provider) VALUES (?, ?, ?, 'ENTRY', 'CONFIRMED', ?, 'EUR', 'provider', 'stripe')`,
		id, userID, poolID, rafflePrice).Error
	if err != nil {
		t.Fatalf("plant a purchase: %v", err)
	}
	var p Purchase
	resp := r.do(t, http.MethodPost, "/api/v1/tickets", tok, map[string]any{"pool_id": poolID, "purchase_id": id})
	resp.decode(t, http.StatusAccepted, &p)
	if p.PurchaseID != id || resp.Header.Get("Location") != "/api/v1/purchases/"+id {
		t.Fatalf("202 with %+v at %q", p, resp.Header.Get("Location"))
	}
	if n := len(r.myTickets(t, tok, poolID)); n != 1 {
		t.Fatalf("%d tickets after redeeming an in-flight purchase, want 1", n)
	}
}

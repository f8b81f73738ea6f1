package e2e

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/testenv"
)

// TestRaffleEveryMoneyFlowLeavesTheAuditClean runs every flow the money audit reconciles:
// wallet-paid ENTRY and BOOST captured, a card ENTRY paid by webhook, a CASH prize paid to
// the winner, a wallet-paid RETRY of the losing ticket captured and then refunded with a
// card ENTRY when the admin cancels that pool. startRaffle's cleanup waits for the money to
// settle and runs `tickup audit --grace 0s` on the result.
func TestRaffleEveryMoneyFlowLeavesTheAuditClean(t *testing.T) {
	r := startRaffle(t, 1)
	ann, annTok := newUser(t, roleUser)
	bob, bobTok := newUser(t, roleUser)
	for _, u := range []string{ann, bob} {
		r.fund(t, u, 5000)
	}
	var prize Prize
	r.do(t, http.MethodPost, "/api/v1/prizes", r.adminTok, map[string]any{"title": "Cash", "value_cents": 2500,
		"currency": "EUR", "stock": 2, "kind": "CASH"}).decode(t, http.StatusCreated, &prize)
	drawn, next := r.poolOf(t, prize.PrizeID, 2), r.poolOf(t, prize.PrizeID, 3)

	entry := r.buy(t, annTok, map[string]any{"pool_id": drawn.PoolID, "payment_method": "wallet"})
	annTicket := r.waitTicket(t, annTok, drawn.PoolID, entry.PurchaseID)
	boost := r.buy(t, annTok, map[string]any{"pool_id": drawn.PoolID, "type": "BOOST", "ticket_id": annTicket.TicketID,
		"payment_method": "wallet"})
	r.waitPurchase(t, annTok, boost.PurchaseID, "boost applied", func(p Purchase) bool { return p.IssuedTicketID != "" })
	bobTicket := r.buyByWebhook(t, bobTok, drawn.PoolID, "evt_money_1")
	r.waitPoolState(t, drawn.PoolID, "DRAWN")

	loserTok, losing := annTok, r.ticketOf(t, annTok, annTicket.TicketID)
	if losing.Outcome == nil || *losing.Outcome != "LOST" {
		loserTok, losing = bobTok, r.ticketOf(t, bobTok, bobTicket.TicketID)
	}
	retry := r.buy(t, loserTok, map[string]any{"pool_id": next.PoolID, "type": "RETRY", "losing_ticket_id": losing.TicketID,
		"payment_method": "wallet"})
	r.waitTicket(t, loserTok, next.PoolID, retry.PurchaseID)
	r.waitCaptured(t, losing.UserID)
	card := r.buyByWebhook(t, bobTok, next.PoolID, "evt_money_2")
	r.do(t, http.MethodPost, "/api/v1/pools/"+next.PoolID+"/cancel", r.adminTok, map[string]any{"reason": "sponsor left"}).
		decode(t, http.StatusOK, &next)
	for _, p := range []struct{ tok, id string }{{loserTok, retry.PurchaseID}, {bobTok, card.PurchaseID}} {
		r.waitPurchase(t, p.tok, p.id, "refunded", func(p Purchase) bool { return p.Status == StatusRefunded })
	}
	testenv.WaitFor(t, raffleWait, "one CASH payout", func() error {
		if n := len(r.prizePayouts(t, annTok)) + len(r.prizePayouts(t, bobTok)); n != 1 {
			return fmt.Errorf("%d PRIZE_PAYOUT entries", n)
		}
		return nil
	})
}

// fund credits cents to userID's wallet as an admin adjustment.
func (r *raffle) fund(t *testing.T, userID string, cents int64) {
	t.Helper()
	_, err := r.wallet.Adjust(context.Background(), walletrpc.AdjustmentRequest{Actor: r.adminID, UserID: userID,
		Direction: "CREDIT", AmountCents: cents, Reason: "test funding"})
	if err != nil {
		t.Fatalf("fund %s: %v", userID, err)
	}
}

// poolOf has the admin open a pool of size tickets of prize, selling boosts and retries.
func (r *raffle) poolOf(t *testing.T, prizeID string, size int) Pool {
	t.Helper()
	var pool Pool
	r.do(t, http.MethodPost, "/api/v1/pools", r.adminTok, map[string]any{"prize_id": prizeID, "ticket_price_cents": rafflePrice,
		"tickets_required": size, "boost_price_cents": 200, "retry_price_cents": 300}).decode(t, http.StatusCreated, &pool)
	return pool
}

// buyByWebhook buys an ENTRY in pool by card and pays it with a signed generic webhook.
func (r *raffle) buyByWebhook(t *testing.T, tok, poolID, eventID string) Ticket {
	t.Helper()
	p := r.buy(t, tok, map[string]any{"pool_id": poolID, "payment_method": "provider", "provider": "generic"})
	r.deliver(t, signedGeneric(t, eventID, "payment.succeeded", paymentData(p, "txn_"+eventID, rafflePrice),
		raffleGenericSecret, time.Now()), http.StatusOK)
	return r.waitTicket(t, tok, poolID, p.PurchaseID)
}

// ticketOf reads one of tok's holder's tickets.
func (r *raffle) ticketOf(t *testing.T, tok, ticketID string) Ticket {
	t.Helper()
	var ticket Ticket
	r.do(t, http.MethodGet, "/api/v1/tickets/"+ticketID, tok, nil).decode(t, http.StatusOK, &ticket)
	return ticket
}

// waitCaptured waits until userID's wallet holds nothing: every hold captured or released.
func (r *raffle) waitCaptured(t *testing.T, userID string) {
	t.Helper()
	testenv.WaitFor(t, raffleWait, "holds captured", func() error {
		w, err := r.wallet.Wallet(context.Background(), walletrpc.WalletRequest{UserID: userID})
		if err != nil || w.HeldCents != 0 {
			return fmt.Errorf("wallet %+v (%v)", w, err)
		}
		return nil
	})
}

package e2e

import (
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"
)

// paymentData is the data of a generic provider event about purchase p.
func paymentData(p Purchase, txn string, amount int64) map[string]any {
	return map[string]any{"purchase_id": p.PurchaseID, "provider_txn_id": txn, "amount_cents": amount, "currency": p.Currency}
}

// TestRaffleCardPurchaseByGenericProvider is the seed's flow through the generic format,
// with the refusals that record nothing (amount, provider, signature) and the verdicts
// that change nothing (processing, a success after a failure, unknown types).
func TestRaffleCardPurchaseByGenericProvider(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 3, nil)
	ann, annTok := newUser(t, roleUser)
	p := r.buy(t, annTok, map[string]any{"pool_id": pool.PoolID, "payment_method": "provider", "provider": "generic"})
	now := time.Now()
	refused := []struct {
		d      delivery
		status int
		slug   string
	}{
		{signedGeneric(t, "evt_amount", "payment.succeeded", paymentData(p, "txn_1", rafflePrice-1), raffleGenericSecret, now), http.StatusUnprocessableEntity, "amount-mismatch"},
		{signedGeneric(t, "evt_unknown", "payment.succeeded", map[string]any{"purchase_id": uuid.NewString(),
			"provider_txn_id": "txn_x", "amount_cents": rafflePrice, "currency": "EUR"}, raffleGenericSecret, now), http.StatusNotFound, "purchase-not-found"},
		{signedGeneric(t, "evt_stale", "payment.succeeded", paymentData(p, "txn_1", rafflePrice), raffleGenericSecret, now.Add(-6*time.Minute)), http.StatusBadRequest, "invalid-signature"},
		{signedGeneric(t, "evt_key", "payment.succeeded", paymentData(p, "txn_1", rafflePrice), "whsec_b3RoZXIta2V5", now), http.StatusBadRequest, "invalid-signature"},
		{signedGeneric(t, "evt_field", "payment.succeeded", map[string]any{"purchase_id": p.PurchaseID, "amount_cents": rafflePrice,
			"currency": "EUR", "provider_txn_id": "txn_1", "tip_cents": 5}, raffleGenericSecret, now), http.StatusUnprocessableEntity, "unknown-field"},
	}
	for _, tc := range refused {
		resp, err := r.call(r.gateway, http.MethodPost, tc.d.path, "", tc.d.body, tc.d.header)
		if err != nil {
			t.Fatal(err)
		}
		resp.problem(t, tc.status, tc.slug)
	}
	processing := signedGeneric(t, "evt_processing", "payment.processing", paymentData(p, "txn_1", rafflePrice), raffleGenericSecret, now)
	ignored := signedGeneric(t, "evt_captured", "payment.captured", map[string]any{}, raffleGenericSecret, now)
	if a, b := r.deliver(t, processing, http.StatusOK), r.deliver(t, ignored, http.StatusOK); a.Outcome != "processing" || b.Outcome != "event-type-ignored" {
		t.Fatalf("processing → %+v, unknown type → %+v", a, b)
	}
	if got := r.purchase(t, annTok, p.PurchaseID); got.Status != StatusPending || r.receipts(t) != 2 {
		t.Fatalf("after refusals and no-ops: %+v, %d receipts", got, r.receipts(t))
	}

	succeeded := signedGeneric(t, "evt_ok", "payment.succeeded", paymentData(p, "txn_1", rafflePrice), raffleGenericSecret, now)
	if ack := r.deliver(t, succeeded, http.StatusOK); ack.Outcome != "confirmed" {
		t.Fatalf("success: %+v", ack)
	}
	ticket := r.waitTicket(t, annTok, pool.PoolID, p.PurchaseID)
	if ticket.TicketNum != 1 || ticket.UserID != ann {
		t.Fatalf("ticket %+v", ticket)
	}
	if ack := r.deliver(t, succeeded, http.StatusOK); !ack.Duplicate || r.outboxCount(t, "tickup.api.purchase.confirmed", p.PurchaseID) != 1 {
		t.Fatalf("redelivery: %+v", ack)
	}
	r.expectOneTicket(t, annTok, pool.PoolID, map[string]any{"pool_id": pool.PoolID, "purchase_id": p.PurchaseID, "user_id": ann}, ticket)
	r.paidThenFailed(t, annTok, p, now)
	r.failedThenPaid(t, pool.PoolID, now)
}

// paidThenFailed: a payment.failed for a purchase already CONFIRMED changes nothing, is
// logged for an operator and answers an outcome that says so.
func (r *raffle) paidThenFailed(t *testing.T, tok string, p Purchase, now time.Time) {
	t.Helper()
	failed := signedGeneric(t, "evt_ann_failed_late", "payment.failed", map[string]any{"purchase_id": p.PurchaseID,
		"amount_cents": rafflePrice, "currency": "EUR", "failure_reason": "card declined"}, raffleGenericSecret, now)
	if ack := r.deliver(t, failed, http.StatusOK); ack.Outcome != "failure-after-success-ignored" || ack.Duplicate {
		t.Fatalf("failure after success: %+v, want outcome failure-after-success-ignored", ack)
	}
	if got := r.purchase(t, tok, p.PurchaseID); got.Status != StatusConfirmed || got.IssuedTicketID == "" {
		t.Fatalf("purchase %+v after a late failure: want it still CONFIRMED with its ticket", got)
	}
}

// failedThenPaid: a payment.failed fails the purchase; a later success changes nothing
// (an operator reviews it) and the purchase cannot be redeemed.
func (r *raffle) failedThenPaid(t *testing.T, poolID string, now time.Time) {
	t.Helper()
	_, bobTok := newUser(t, roleUser)
	p := r.buy(t, bobTok, map[string]any{"pool_id": poolID, "provider": "generic", "provider_txn_id": "txn_bob"})
	failed := signedGeneric(t, "evt_bob_failed", "payment.failed", map[string]any{"purchase_id": p.PurchaseID,
		"amount_cents": rafflePrice, "currency": "EUR", "failure_reason": "card declined"}, raffleGenericSecret, now)
	if ack := r.deliver(t, failed, http.StatusOK); ack.Outcome != "failed" {
		t.Fatalf("failure: %+v", ack)
	}
	late := signedGeneric(t, "evt_bob_late", "payment.succeeded", paymentData(p, "txn_bob", rafflePrice), raffleGenericSecret, now)
	if ack := r.deliver(t, late, http.StatusOK); ack.Outcome != "success-after-failure-ignored" {
		t.Fatalf("success after failure: %+v, want outcome success-after-failure-ignored", ack)
	}
	got := r.purchase(t, bobTok, p.PurchaseID)
	if got.Status != StatusFailed || got.FailureReason != "card declined" || !r.logs.contains("payment verdict contradicts the purchase") {
		t.Fatalf("purchase %+v after a late success", got)
	}
	r.do(t, http.MethodPost, "/api/v1/tickets", bobTok, map[string]any{"pool_id": poolID, "purchase_id": p.PurchaseID}).
		problem(t, http.StatusConflict, "purchase-failed")
}

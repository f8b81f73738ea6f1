package e2e

import (
	"net/http"
	"testing"
	"time"
)

// TestClientCannotSquatAnotherBuyersProviderTxnID: a client-sent provider_txn_id is only a
// hint. Ann sends Bob's real transaction id on her purchases, before and after Bob sends it
// himself; every purchase is accepted, Bob's genuine signed webhook confirms Bob's purchase
// and binds the transaction to it, and a verified event claiming that transaction for Ann's
// purchase afterwards is the only conflict.
func TestClientCannotSquatAnotherBuyersProviderTxnID(t *testing.T) {
	const bobsTxn = "txn_bob_real"
	r := startRaffle(t, 1)
	pool := r.createPool(t, 5, nil)
	_, annTok := newUser(t, roleUser)
	bob, bobTok := newUser(t, roleUser)
	squat := map[string]any{"pool_id": pool.PoolID, "provider": "generic", "provider_txn_id": bobsTxn}
	early := r.buy(t, annTok, squat)
	bobs := r.buy(t, bobTok, map[string]any{"pool_id": pool.PoolID, "provider": "generic", "provider_txn_id": bobsTxn})
	late := r.buy(t, annTok, squat)

	now := time.Now()
	paid := signedGeneric(t, "evt_bob_paid", "payment.succeeded", paymentData(bobs, bobsTxn, rafflePrice), raffleGenericSecret, now)
	if ack := r.deliver(t, paid, http.StatusOK); ack.Outcome != "confirmed" {
		t.Fatalf("Bob's genuine payment: %+v", ack)
	}
	ticket := r.waitTicket(t, bobTok, pool.PoolID, bobs.PurchaseID)
	if got := r.purchase(t, bobTok, bobs.PurchaseID); ticket.UserID != bob || got.SettledTxnID != bobsTxn {
		t.Fatalf("Bob's purchase %+v, ticket %+v", got, ticket)
	}
	claim := signedGeneric(t, "evt_claim", "payment.succeeded", paymentData(early, bobsTxn, rafflePrice), raffleGenericSecret, now)
	resp, err := r.call(r.gateway, http.MethodPost, claim.path, "", claim.body, claim.header)
	if err != nil {
		t.Fatal(err)
	}
	resp.problem(t, http.StatusConflict, "provider-txn-in-use")
	for _, p := range []Purchase{early, late} {
		if got := r.purchase(t, annTok, p.PurchaseID); got.Status != StatusPending || got.SettledTxnID != "" {
			t.Fatalf("Ann's squatting purchase %+v", got)
		}
	}
}

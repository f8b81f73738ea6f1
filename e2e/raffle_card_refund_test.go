package e2e

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
)

// TestStripeChargeRefundedVoidsTheTicketOfAnOpenPool: a Stripe charge.refunded (found by
// its payment intent) makes the purchase REFUNDED and voids its ticket; the next buyer
// gets number 2 (a voided number is never reused); a redelivery changes nothing.
func TestStripeChargeRefundedVoidsTheTicketOfAnOpenPool(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 3, nil)
	_, annTok := newUser(t, roleUser)
	p, ticket := r.paidByStripe(t, annTok, pool.PoolID, "pi_ann")
	refund := signedStripe(stripeObject("evt_refund_ann", "charge.refunded", stripeCharge("pi_ann", rafflePrice, rafflePrice)),
		raffleStripeSecret, time.Now())
	if ack := r.deliver(t, refund, http.StatusOK); ack.Outcome != "refunded" {
		t.Fatalf("charge.refunded: %+v", ack)
	}
	if got := r.purchase(t, annTok, p.PurchaseID); got.Status != StatusRefunded {
		t.Fatalf("purchase %+v after charge.refunded, want REFUNDED", got)
	}
	r.waitVoided(t, annTok, ticket.TicketID)
	c := r.waitCase(t, p.PurchaseID, "ticket_voided")
	if c.Kind != "REFUND" || c.AmountCents != rafflePrice || c.PoolState != "OPEN" || c.Provider != "stripe" {
		t.Fatalf("case %+v", c)
	}
	if ack := r.deliver(t, refund, http.StatusOK); !ack.Duplicate {
		t.Fatalf("redelivered charge.refunded: %+v", ack)
	}
	r.do(t, http.MethodGet, "/api/v1/payment-cases", annTok, nil).problem(t, http.StatusForbidden, SlugForbidden)
	r.do(t, http.MethodGet, "/api/v1/payment-cases?resolution=open", r.adminTok, nil).problem(t, http.StatusUnprocessableEntity, SlugValidation)
	_, bobTok := newUser(t, roleUser)
	if _, next := r.paidByStripe(t, bobTok, pool.PoolID, "pi_bob"); next.TicketNum != 2 {
		t.Fatalf("the next ticket is number %d, want 2", next.TicketNum)
	}
	var got Pool
	r.do(t, http.MethodGet, "/api/v1/pools/"+pool.PoolID, "", nil).decode(t, http.StatusOK, &got)
	if got.TicketsSold != 2 || got.State != "OPEN" || len(r.paymentCases(t, p.PurchaseID)) != 1 {
		t.Fatalf("pool %+v after a voided ticket and a new one", got)
	}
}

// TestGenericPaymentDisputedMarksThePurchaseDisputed: a generic payment.disputed makes the
// purchase DISPUTED and voids its ticket in an OPEN pool; the dispute lost makes it
// REFUNDED without voiding anything twice.
func TestGenericPaymentDisputedMarksThePurchaseDisputed(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 3, nil)
	_, annTok := newUser(t, roleUser)
	p, ticket := r.paidByGeneric(t, annTok, pool.PoolID, "txn_ann")
	disputed := signedGeneric(t, "evt_dispute", "payment.disputed", paymentData(p, "txn_ann", rafflePrice), raffleGenericSecret, time.Now())
	if ack := r.deliver(t, disputed, http.StatusOK); ack.Outcome != "disputed" {
		t.Fatalf("payment.disputed: %+v", ack)
	}
	if got := r.purchase(t, annTok, p.PurchaseID); got.Status != "DISPUTED" {
		t.Fatalf("purchase %+v after payment.disputed, want DISPUTED", got)
	}
	r.waitVoided(t, annTok, ticket.TicketID)
	if c := r.waitCase(t, p.PurchaseID, "ticket_voided"); c.Kind != "DISPUTE" {
		t.Fatalf("case %+v", c)
	}
	data := paymentData(p, "txn_ann", rafflePrice)
	data["dispute_status"] = "lost"
	lost := signedGeneric(t, "evt_dispute_lost", "payment.disputed", data, raffleGenericSecret, time.Now())
	if ack := r.deliver(t, lost, http.StatusOK); ack.Outcome != "refunded" {
		t.Fatalf("dispute lost: %+v", ack)
	}
	if got := r.purchase(t, annTok, p.PurchaseID); got.Status != StatusRefunded {
		t.Fatalf("purchase %+v after the dispute was lost, want REFUNDED", got)
	}
	r.waitWalletHandledVoid(t, p.PurchaseID)
	voids := r.count(t, `SELECT count(*) FROM outbox WHERE event_type = 'tickup.api.purchase.refunded' AND aggregate_id = ?`, p.PurchaseID)
	if voids != 1 || r.storeCredits(t, p.PurchaseID) != 0 {
		t.Fatalf("%d purchase.refunded events, %d store credits after a lost dispute", voids, r.storeCredits(t, p.PurchaseID))
	}
}

// TestRefundAfterTheDrawIsRecordedForOperators: after the draw nothing is voided; the
// refund and the dispute are recorded for operators (listed, logged); a dispute won while
// the ticket still stands gives the purchase back its CONFIRMED status.
func TestRefundAfterTheDrawIsRecordedForOperators(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 2, nil)
	_, annTok := newUser(t, roleUser)
	_, bobTok := newUser(t, roleUser)
	ann, annTicket := r.paidByGeneric(t, annTok, pool.PoolID, "txn_ann")
	bob, bobTicket := r.paidByStripe(t, bobTok, pool.PoolID, "pi_bob")
	r.waitPoolState(t, pool.PoolID, "DRAWN")

	refund := signedGeneric(t, "evt_refund_ann", "payment.refunded", paymentData(ann, "txn_ann", rafflePrice), raffleGenericSecret, time.Now())
	if ack := r.deliver(t, refund, http.StatusOK); ack.Outcome != "refunded" {
		t.Fatalf("payment.refunded: %+v", ack)
	}
	if c := r.waitCase(t, ann.PurchaseID, "operator_review"); c.PoolState != "DRAWN" || c.Kind != "REFUND" {
		t.Fatalf("case %+v", c)
	}
	opened := stripeObject("evt_dispute_bob", "charge.dispute.created", stripeDispute("pi_bob", rafflePrice, "needs_response"))
	if ack := r.deliver(t, signedStripe(opened, raffleStripeSecret, time.Now()), http.StatusOK); ack.Outcome != "disputed" {
		t.Fatalf("charge.dispute.created: %+v", ack)
	}
	r.waitCase(t, bob.PurchaseID, "operator_review")
	if !r.logs.contains("card refund or dispute needs an operator") || !r.logs.contains("its pool is DRAWN") {
		t.Fatal("no log line for the operators")
	}
	won := stripeObject("evt_dispute_bob_won", "charge.dispute.closed", stripeDispute("pi_bob", rafflePrice, "won"))
	if ack := r.deliver(t, signedStripe(won, raffleStripeSecret, time.Now()), http.StatusOK); ack.Outcome != "reinstated" {
		t.Fatalf("charge.dispute.closed won: %+v", ack)
	}
	if got := r.purchase(t, bobTok, bob.PurchaseID); got.Status != StatusConfirmed {
		t.Fatalf("purchase %+v after the dispute was won, want CONFIRMED", got)
	}
	for tok, id := range map[string]string{annTok: annTicket.TicketID, bobTok: bobTicket.TicketID} {
		if got := r.ticket(t, tok, id); got.VoidedAt != nil || got.Outcome == nil {
			t.Fatalf("ticket %+v after the draw: want it standing", got)
		}
	}
}

// TestCardRefundGivesNoStoreCredit: the card refund already gave the money back, so the
// voided ticket earns no store credit, not even when its pool is cancelled afterwards;
// the other buyer's ticket is refunded as usual.
func TestCardRefundGivesNoStoreCredit(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 3, nil)
	_, annTok := newUser(t, roleUser)
	_, bobTok := newUser(t, roleUser)
	ann, annTicket := r.paidByGeneric(t, annTok, pool.PoolID, "txn_ann")
	bob, _ := r.paidByGeneric(t, bobTok, pool.PoolID, "txn_bob")
	refund := signedGeneric(t, "evt_refund_ann", "payment.refunded", paymentData(ann, "txn_ann", rafflePrice), raffleGenericSecret, time.Now())
	r.deliver(t, refund, http.StatusOK)
	r.waitVoided(t, annTok, annTicket.TicketID)
	r.waitWalletHandledVoid(t, ann.PurchaseID)
	if n := r.storeCredits(t, ann.PurchaseID); n != 0 {
		t.Fatalf("%d store credit(s) for a purchase refunded to the card", n)
	}
	r.do(t, http.MethodPost, "/api/v1/pools/"+pool.PoolID+"/cancel", r.adminTok, map[string]any{"reason": "sponsor withdrew"}).
		decode(t, http.StatusOK, &Pool{})
	testenv.WaitFor(t, raffleWait, "the other buyer's store credit", func() error {
		if n := r.storeCredits(t, bob.PurchaseID); n != 1 {
			return fmt.Errorf("%d store credits for bob", n)
		}
		return nil
	})
	r.waitWalletHandledVoid(t, ann.PurchaseID)
	if n := r.storeCredits(t, ann.PurchaseID); n != 0 {
		t.Fatalf("%d store credit(s) after the cancellation for a purchase refunded to the card", n)
	}
}

// TestCardRefundOutcomesAreClearAndCountedOnce: a refund larger than the payment is a 422
// that changes nothing; a refund for a purchase never confirmed fails it (no ticket ever);
// a redelivery, and the same refund under another event id, count once.
func TestCardRefundOutcomesAreClearAndCountedOnce(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 5, nil)
	_, annTok := newUser(t, roleUser)
	p, _ := r.paidByGeneric(t, annTok, pool.PoolID, "txn_ann")
	now := time.Now()
	tooMuch := signedGeneric(t, "evt_too_much", "payment.refunded", paymentData(p, "txn_ann", rafflePrice+1), raffleGenericSecret, now)
	resp, err := r.call(r.gateway, http.MethodPost, tooMuch.path, "", tooMuch.body, tooMuch.header)
	if err != nil {
		t.Fatal(err)
	}
	resp.problem(t, http.StatusUnprocessableEntity, "refund-exceeds-payment")
	if got := r.purchase(t, annTok, p.PurchaseID); got.Status != StatusConfirmed || len(r.paymentCases(t, p.PurchaseID)) != 0 {
		t.Fatalf("purchase %+v after a refund larger than the payment", got)
	}
	partial := signedGeneric(t, "evt_partial", "payment.refunded", paymentData(p, "txn_ann", 200), raffleGenericSecret, now)
	full := signedGeneric(t, "evt_full", "payment.refunded", paymentData(p, "txn_ann", rafflePrice), raffleGenericSecret, now)
	again := signedGeneric(t, "evt_full_again", "payment.refunded", paymentData(p, "txn_ann", rafflePrice), raffleGenericSecret, now)
	for i, want := range []struct {
		d         delivery
		outcome   string
		duplicate bool
	}{{partial, "refunded", false}, {partial, "refunded", true}, {full, "unchanged", false}, {again, "unchanged", false}} {
		if ack := r.deliver(t, want.d, http.StatusOK); ack.Outcome != want.outcome || ack.Duplicate != want.duplicate {
			t.Fatalf("delivery %d: %+v, want %s (duplicate %v)", i, ack, want.outcome, want.duplicate)
		}
	}
	got := r.purchase(t, annTok, p.PurchaseID)
	refunded := r.count(t, `SELECT refunded_cents FROM purchase WHERE purchase_id = ?`, p.PurchaseID)
	if got.Status != StatusRefunded || refunded != rafflePrice {
		t.Fatalf("purchase %+v: want REFUNDED with %d cents refunded", got, rafflePrice)
	}
	if c := r.waitCase(t, p.PurchaseID, "ticket_voided"); c.AmountCents != 200 {
		t.Fatalf("case %+v", c)
	}

	_, bobTok := newUser(t, roleUser)
	pending := r.buy(t, bobTok, map[string]any{"pool_id": pool.PoolID, "payment_method": "provider", "provider": "generic"})
	early := signedGeneric(t, "evt_early", "payment.refunded", paymentData(pending, "txn_bob", rafflePrice), raffleGenericSecret, now)
	if ack := r.deliver(t, early, http.StatusOK); ack.Outcome != "failed" {
		t.Fatalf("refund of a PENDING purchase: %+v", ack)
	}
	late := signedGeneric(t, "evt_late", "payment.succeeded", paymentData(pending, "txn_bob", rafflePrice), raffleGenericSecret, now)
	if ack := r.deliver(t, late, http.StatusOK); ack.Outcome != "success-after-failure-ignored" {
		t.Fatalf("success after the refund: %+v", ack)
	}
	if got := r.purchase(t, bobTok, pending.PurchaseID); got.Status != StatusFailed || got.IssuedTicketID != "" {
		t.Fatalf("purchase %+v refunded before it was confirmed", got)
	}
	if c := r.paymentCases(t, pending.PurchaseID); len(c) != 1 || c[0].Resolution != "no_ticket" {
		t.Fatalf("cases %+v", c)
	}
}

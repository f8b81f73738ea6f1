package webhooks

import (
	"errors"
	"fmt"
	"testing"

	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/webhooksig"
)

const purchaseID = "0190a7e2-0000-7000-8000-000000000001"

func TestParseStripe(t *testing.T) {
	t.Parallel()
	body := []byte(`{"id":"evt_1","object":"event","type":"payment_intent.payment_failed","livemode":false,
		"data":{"object":{"id":"pi_1","amount":500,"currency":"eur","metadata":{"purchase_id":"` + purchaseID + `"},
		"last_payment_error":{"code":"card_declined","message":"Declined."},"status":"requires_payment_method"}}}`)
	n, err := parseStripe(body, "")
	want := notice{eventID: "evt_1", eventType: "payment_intent.payment_failed", outcome: outcomeFailed,
		purchaseID: purchaseID, txnID: "pi_1", amountCents: 500, currency: "EUR", reason: "Declined."}
	if err != nil || n != want {
		t.Fatalf("parseStripe = %+v, %v; want %+v", n, err, want)
	}
	if _, err := parseStripe([]byte(`{"id":`), ""); problem.KindOf(err) != problem.KindBadRequest {
		t.Fatalf("malformed event: %v, want a 400", err)
	}
	n, _ = parseStripe([]byte(`{"id":"evt_2","type":"charge.captured","data":{"object":{}}}`), "")
	if n.outcome != "" || n.check() != nil {
		t.Fatalf("an event type Tickup ignores: %+v, %v", n, n.check())
	}
}

func TestParseStripeRefundsAndDisputes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body string
		want notice
	}{
		{`{"id":"evt_r","type":"charge.refunded","data":{"object":{"id":"ch_1","object":"charge","amount":500,
			"amount_refunded":200,"currency":"eur","payment_intent":"pi_1","metadata":{}}}}`,
			notice{eventID: "evt_r", eventType: "charge.refunded", outcome: outcomeRefunded, txnID: "pi_1", amountCents: 200, currency: "EUR"}},
		{`{"id":"evt_d","type":"charge.dispute.created","data":{"object":{"id":"dp_1","object":"dispute","amount":500,
			"currency":"eur","payment_intent":{"id":"pi_1"},"status":"needs_response"}}}`,
			notice{eventID: "evt_d", eventType: "charge.dispute.created", outcome: outcomeDisputed, txnID: "pi_1", amountCents: 500, currency: "EUR"}},
		{`{"id":"evt_w","type":"charge.dispute.closed","data":{"object":{"id":"dp_1","amount":500,"currency":"eur",
			"payment_intent":"pi_1","status":"won","metadata":{"purchase_id":"` + purchaseID + `"}}}}`,
			notice{eventID: "evt_w", eventType: "charge.dispute.closed", outcome: outcomeDisputeWon, purchaseID: purchaseID,
				txnID: "pi_1", amountCents: 500, currency: "EUR"}},
		{`{"id":"evt_l","type":"charge.dispute.closed","data":{"object":{"id":"dp_1","amount":500,"currency":"eur",
			"payment_intent":"pi_1","status":"lost"}}}`,
			notice{eventID: "evt_l", eventType: "charge.dispute.closed", outcome: outcomeDisputeLost, txnID: "pi_1", amountCents: 500, currency: "EUR"}},
		{`{"id":"evt_u","type":"charge.dispute.closed","data":{"object":{"id":"dp_1","amount":500,"currency":"eur",
			"payment_intent":"pi_1","status":"under_review"}}}`,
			notice{eventID: "evt_u", eventType: "charge.dispute.closed", txnID: "pi_1", amountCents: 500, currency: "EUR"}},
	}
	for _, tc := range tests {
		n, err := parseStripe([]byte(tc.body), "")
		if err != nil || n != tc.want || n.check() != nil {
			t.Errorf("parseStripe = %+v, %v (check %v); want %+v", n, err, n.check(), tc.want)
		}
	}
}

func TestNoticeCheck(t *testing.T) {
	t.Parallel()
	ok := notice{eventID: "evt_1", outcome: outcomeSucceeded, purchaseID: purchaseID, txnID: "pi_1", amountCents: 500, currency: "EUR"}
	tests := []struct {
		name  string
		edit  func(*notice)
		field string // the first field named; empty: valid
	}{
		{"valid", func(*notice) {}, ""},
		{"failure without txn", func(n *notice) { n.outcome, n.txnID = outcomeFailed, "" }, ""},
		{"no event id", func(n *notice) { n.eventID = "" }, "id"},
		{"no target", func(n *notice) { n.purchaseID = "" }, "purchase_id"},
		{"two targets", func(n *notice) { n.topupID = purchaseID }, "purchase_id"},
		{"bad topup id", func(n *notice) { n.purchaseID, n.topupID = "", "t1" }, "topup_id"},
		{"success without txn", func(n *notice) { n.txnID = "" }, "provider_txn_id"},
		{"no amount", func(n *notice) { n.amountCents = 0 }, "amount_cents"},
		{"bad currency", func(n *notice) { n.currency = "EURO" }, "currency"},
		{"refund by txn", func(n *notice) { n.outcome, n.purchaseID = outcomeRefunded, "" }, ""},
		{"refund of nothing", func(n *notice) { n.outcome, n.purchaseID, n.txnID = outcomeRefunded, "", "" }, "provider_txn_id"},
		{"refund of a topup", func(n *notice) { n.outcome, n.purchaseID, n.topupID = outcomeDisputed, "", purchaseID }, "purchase_id"},
		{"refund of no amount", func(n *notice) { n.outcome, n.amountCents = outcomeRefunded, 0 }, "amount_cents"},
	}
	for _, tc := range tests {
		n := ok
		tc.edit(&n)
		var perr *problem.Error
		err := n.check()
		switch {
		case tc.field == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.field != "" && (!errors.As(err, &perr) || perr.Fields[0].Field != tc.field):
			t.Errorf("%s: %v, want a 422 naming %s", tc.name, err, tc.field)
		}
	}
}

func TestSignatureProblems(t *testing.T) {
	t.Parallel()
	for cause, want := range map[error]int{webhooksig.ErrBadSignature: 400, webhooksig.ErrStale: 400,
		webhooksig.ErrMissingHeader: 400, webhooksig.ErrMalformedHeader: 400, webhooksig.ErrNoSecret: 503} {
		p := problem.FromError(signatureProblem(fmt.Errorf("verify: %w", cause)))
		if p.Status != want {
			t.Errorf("%v → %d, want %d", cause, p.Status, want)
		}
	}
}

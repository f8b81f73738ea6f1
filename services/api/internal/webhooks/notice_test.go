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
	n, _ = parseStripe([]byte(`{"id":"evt_2","type":"charge.refunded","data":{"object":{}}}`), "")
	if n.outcome != "" || n.check() != nil {
		t.Fatalf("an event type Tickup ignores: %+v, %v", n, n.check())
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

package e2e

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
)

// paymentCase is a case of GET /payment-cases as the tests read it.
type paymentCase struct {
	CaseID         string `json:"case_id"`
	PurchaseID     string `json:"purchase_id"`
	Provider       string `json:"provider"`
	EventID        string `json:"event_id"`
	Kind           string `json:"kind"`
	AmountCents    int64  `json:"amount_cents"`
	PurchaseStatus string `json:"purchase_status"`
	PoolState      string `json:"pool_state"`
	Resolution     string `json:"resolution"`
}

// stripeObject builds a Stripe event whose data.object is obj (a charge or a dispute).
func stripeObject(eventID, typ string, obj map[string]any) []byte {
	return mustJSON(map[string]any{"id": eventID, "object": "event", "type": typ, "livemode": false,
		"created": time.Now().Unix(), "data": map[string]any{"object": obj}})
}

// stripeCharge is a charge of payment intent intentID of which refunded cents went back.
func stripeCharge(intentID string, amount, refunded int64) map[string]any {
	return map[string]any{"id": "ch_" + intentID, "object": "charge", "amount": amount, "amount_refunded": refunded,
		"currency": "eur", "payment_intent": intentID, "refunded": refunded == amount, "metadata": map[string]any{}}
}

// stripeDispute is a dispute of payment intent intentID in status (needs_response, won, lost).
func stripeDispute(intentID string, amount int64, status string) map[string]any {
	return map[string]any{"id": "dp_" + intentID, "object": "dispute", "amount": amount, "currency": "eur",
		"charge": "ch_" + intentID, "payment_intent": intentID, "reason": "fraudulent", "status": status}
}

// paidByStripe buys a ticket of pool with tok's card, confirmed by Stripe as payment intent
// intentID, and waits for the ticket.
func (r *raffle) paidByStripe(t *testing.T, tok, poolID, intentID string) (Purchase, Ticket) {
	t.Helper()
	p := r.buy(t, tok, map[string]any{"pool_id": poolID, "payment_method": "provider", "provider": "stripe"})
	ok := stripeEvent("evt_ok_"+intentID, "payment_intent.succeeded", intentID, rafflePrice, map[string]string{"purchase_id": p.PurchaseID})
	if ack := r.deliver(t, signedStripe(ok, raffleStripeSecret, time.Now()), http.StatusOK); ack.Outcome != "confirmed" {
		t.Fatalf("payment_intent.succeeded: %+v", ack)
	}
	return p, r.waitTicket(t, tok, poolID, p.PurchaseID)
}

// paidByGeneric is paidByStripe through the generic provider, paid by transaction txn.
func (r *raffle) paidByGeneric(t *testing.T, tok, poolID, txn string) (Purchase, Ticket) {
	t.Helper()
	p := r.buy(t, tok, map[string]any{"pool_id": poolID, "payment_method": "provider", "provider": "generic"})
	ok := signedGeneric(t, "evt_ok_"+txn, "payment.succeeded", paymentData(p, txn, rafflePrice), raffleGenericSecret, time.Now())
	if ack := r.deliver(t, ok, http.StatusOK); ack.Outcome != "confirmed" {
		t.Fatalf("payment.succeeded: %+v", ack)
	}
	return p, r.waitTicket(t, tok, poolID, p.PurchaseID)
}

// ticket reads one of tok's holder's tickets.
func (r *raffle) ticket(t *testing.T, tok, id string) Ticket {
	t.Helper()
	var ticket Ticket
	r.do(t, http.MethodGet, "/api/v1/tickets/"+id, tok, nil).decode(t, http.StatusOK, &ticket)
	return ticket
}

// waitVoided waits until ticket id is voided.
func (r *raffle) waitVoided(t *testing.T, tok, id string) Ticket {
	t.Helper()
	var ticket Ticket
	testenv.WaitFor(t, raffleWait, "ticket voided", func() error {
		if ticket = r.ticket(t, tok, id); ticket.VoidedAt == nil {
			return fmt.Errorf("ticket %d is not voided", ticket.TicketNum)
		}
		return nil
	})
	return ticket
}

// paymentCases lists every case of purchaseID through the admin route, page by page.
func (r *raffle) paymentCases(t *testing.T, purchaseID string) []paymentCase {
	t.Helper()
	var all []paymentCase
	cursor := ""
	for {
		var page struct {
			Items      []paymentCase `json:"items"`
			NextCursor string        `json:"next_cursor"`
		}
		r.do(t, http.MethodGet, "/api/v1/payment-cases?limit=2&cursor="+cursor, r.adminTok, nil).decode(t, http.StatusOK, &page)
		for _, c := range page.Items {
			if c.PurchaseID == purchaseID {
				all = append(all, c)
			}
		}
		if cursor = page.NextCursor; cursor == "" {
			return all
		}
	}
}

// waitCase waits until purchaseID has exactly one case, in resolution, and returns it.
func (r *raffle) waitCase(t *testing.T, purchaseID, resolution string) paymentCase {
	t.Helper()
	var cases []paymentCase
	testenv.WaitFor(t, raffleWait, "payment case "+resolution, func() error {
		if cases = r.paymentCases(t, purchaseID); len(cases) != 1 || cases[0].Resolution != resolution {
			return fmt.Errorf("cases %+v", cases)
		}
		return nil
	})
	return cases[0]
}

// waitWalletHandledVoid waits until the wallet has handled every ticket.voided event of
// purchaseID, so that what it did (or did not) credit is final.
func (r *raffle) waitWalletHandledVoid(t *testing.T, purchaseID string) {
	t.Helper()
	r.waitWalletHandled(t, "tickup.ticketing.ticket.voided", purchaseID)
}

// waitWalletHandled waits until the wallet has handled every event of eventType about
// purchaseID (at least one).
func (r *raffle) waitWalletHandled(t *testing.T, eventType, purchaseID string) {
	t.Helper()
	testenv.WaitFor(t, raffleWait, "the wallet handled "+eventType, func() error {
		var pending, handled int64
		err := r.adminDB.Raw(`SELECT count(*) AS pending, count(i.msg_id) AS handled
			FROM ticketing.outbox o LEFT JOIN wallet.inbox i ON i.msg_id = o.event_id::text
			WHERE o.event_type = ? AND convert_from(o.payload, 'UTF8')::jsonb ->> 'purchase_id' = ?`,
			eventType, purchaseID).Row().Scan(&pending, &handled)
		if err != nil || pending == 0 || handled != pending {
			return fmt.Errorf("%d of %d ticket.voided handled (%v)", handled, pending, err)
		}
		return nil
	})
}

// storeCredits counts the wallet's REFUND credits for purchaseID.
func (r *raffle) storeCredits(t *testing.T, purchaseID string) int64 {
	t.Helper()
	var n int64
	err := r.adminDB.Raw(`SELECT count(*) FROM wallet.wallet_ledger WHERE reason = 'REFUND' AND ref_purchase_id = ?`,
		purchaseID).Row().Scan(&n)
	if err != nil {
		t.Fatalf("count store credits: %v", err)
	}
	return n
}

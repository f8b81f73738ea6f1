package main

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"strings"
)

// webhookEvent is what `tickup webhook send` simulates: one provider event about one
// purchase, top-up or withdrawal (docs/webhooks.md describes every body).
type webhookEvent struct {
	provider, event                 string
	purchaseID, topupID, withdrawID string
	amount                          int64
	currency, txn                   string
	id                              string
}

// subject returns the metadata key and id the event names; exactly one must be set.
func (e webhookEvent) subject() (string, string, error) {
	set := map[string]string{"purchase_id": e.purchaseID, "topup_id": e.topupID, "withdrawal_id": e.withdrawID}
	key, id := "", ""
	for k, v := range set {
		if v == "" {
			continue
		}
		if key != "" {
			return "", "", fmt.Errorf("name exactly one of --purchase, --topup and --withdrawal")
		}
		key, id = k, v
	}
	if key == "" {
		return "", "", fmt.Errorf("name exactly one of --purchase, --topup and --withdrawal")
	}
	return key, id, nil
}

// body builds the provider's JSON body for the event.
func (e webhookEvent) body() ([]byte, error) {
	key, id, err := e.subject()
	if err != nil {
		return nil, err
	}
	if e.amount < 1 {
		return nil, fmt.Errorf("--amount must be a positive number of cents, got %d", e.amount)
	}
	switch e.provider {
	case "stripe":
		return e.stripeBody(key, id)
	case "generic":
		return e.genericBody(key, id)
	}
	return nil, fmt.Errorf("--provider must be stripe or generic, got %q", e.provider)
}

// stripeTypes maps the simulator's event names to Stripe's event types.
func stripeTypes() map[string]string {
	return map[string]string{"payment.succeeded": "payment_intent.succeeded",
		"payment.failed": "payment_intent.payment_failed", "refunded": "charge.refunded",
		"disputed": "charge.dispute.created"}
}

// stripeBody is a Stripe event: a payment intent for payments, a charge for a refund, a
// dispute for a dispute; Tickup's id travels in metadata, the payment intent is the txn.
func (e webhookEvent) stripeBody(key, id string) ([]byte, error) {
	typ, ok := stripeTypes()[e.event]
	if !ok {
		return nil, fmt.Errorf("--event must be payment.succeeded, payment.failed, refunded or disputed, got %q", e.event)
	}
	obj := map[string]any{"id": e.txn, "object": "payment_intent", "amount": e.amount,
		"currency": strings.ToLower(e.currency), "metadata": map[string]string{key: id}}
	switch e.event {
	case "payment.succeeded":
		obj["status"] = "succeeded"
	case "payment.failed":
		obj["status"] = "requires_payment_method"
		obj["last_payment_error"] = map[string]string{"code": "card_declined", "message": "Your card was declined."}
	case "refunded":
		obj["id"], obj["object"], obj["payment_intent"], obj["amount_refunded"] = "ch_"+rand.Text(), "charge", e.txn, e.amount
	case "disputed":
		obj["id"], obj["object"], obj["payment_intent"], obj["status"] = "dp_"+rand.Text(), "dispute", e.txn, "needs_response"
	}
	return json.Marshal(map[string]any{"id": e.id, "object": "event", "type": typ, "data": map[string]any{"object": obj}})
}

// genericTypes maps the simulator's event names to the generic provider's event types.
func genericTypes() map[string]string {
	return map[string]string{"payment.succeeded": "payment.succeeded", "payment.failed": "payment.failed",
		"refunded": "payment.refunded", "disputed": "payment.disputed"}
}

// genericBody is a generic provider's event (Tickup's own contract).
func (e webhookEvent) genericBody(key, id string) ([]byte, error) {
	typ, ok := genericTypes()[e.event]
	if !ok {
		return nil, fmt.Errorf("--event must be payment.succeeded, payment.failed, refunded or disputed, got %q", e.event)
	}
	data := map[string]any{key: id, "provider_txn_id": e.txn, "amount_cents": e.amount, "currency": e.currency}
	if e.event == "payment.failed" {
		data["failure_reason"] = "card_declined"
	}
	if e.event == "disputed" {
		data["dispute_status"] = "open"
	}
	return json.Marshal(map[string]any{"id": e.id, "type": typ, "data": data})
}

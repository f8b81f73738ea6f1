package webhooks

import (
	"encoding/json"

	"tickup.dev/services/api/internal/problem"
)

// Stripe event types Tickup acts on, and what each says about the payment.
func stripeOutcomes() map[string]string {
	return map[string]string{
		"payment_intent.succeeded":      outcomeSucceeded,
		"payment_intent.payment_failed": outcomeFailed,
		"payment_intent.processing":     outcomeProcessing,
	}
}

// stripeEvent is the part of a Stripe event Tickup reads; the rest is ignored.
type stripeEvent struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	Data struct {
		Object stripeIntent `json:"object"`
	} `json:"data"`
}

// stripeIntent is the part of a payment intent Tickup reads. Tickup's id travels in its
// metadata; the intent's id is the provider transaction id.
type stripeIntent struct {
	ID               string            `json:"id"`
	Amount           int64             `json:"amount"`
	Currency         string            `json:"currency"`
	Metadata         map[string]string `json:"metadata"`
	LastPaymentError *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"last_payment_error"`
}

// parseStripe reads a Stripe event (lenient: Stripe adds fields freely).
func parseStripe(body []byte, _ string) (notice, error) {
	var ev stripeEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		return notice{}, &problem.Error{Kind: problem.KindBadRequest, Code: problem.SlugMalformedJSON,
			Detail: "The event is not a Stripe event in JSON.", Err: err}
	}
	obj := ev.Data.Object
	n := notice{eventID: ev.ID, eventType: ev.Type, outcome: stripeOutcomes()[ev.Type],
		purchaseID: obj.Metadata["purchase_id"], topupID: obj.Metadata["topup_id"],
		withdrawalID: obj.Metadata["withdrawal_id"], txnID: obj.ID, amountCents: obj.Amount, currency: obj.Currency}
	if e := obj.LastPaymentError; e != nil {
		n.reason = e.Message
		if n.reason == "" {
			n.reason = e.Code
		}
	}
	return n.normalise(), nil
}

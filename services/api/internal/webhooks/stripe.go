package webhooks

import (
	"encoding/json"

	"tickup.dev/services/api/internal/problem"
)

// Stripe event types Tickup acts on, and what each says about the payment. A closed
// dispute's outcome depends on its status (stripeDisputeClosed).
func stripeOutcomes() map[string]string {
	return map[string]string{
		"payment_intent.succeeded":      outcomeSucceeded,
		"payment_intent.payment_failed": outcomeFailed,
		"payment_intent.processing":     outcomeProcessing,
		"charge.refunded":               outcomeRefunded,
		"charge.dispute.created":        outcomeDisputed,
	}
}

// stripeDisputeClosed maps a closed dispute's status to its outcome: won (and an inquiry
// closed without a chargeback) leaves the money with us; lost (or closed because the
// charge was refunded) takes it. Other statuses are not final and are ignored.
func stripeDisputeClosed() map[string]string {
	return map[string]string{"won": outcomeDisputeWon, "warning_closed": outcomeDisputeWon,
		"lost": outcomeDisputeLost, "charge_refunded": outcomeDisputeLost}
}

// stripeEvent is the part of a Stripe event Tickup reads; the rest is ignored.
type stripeEvent struct {
	ID   string `json:"id" example:"evt_1" doc:"Stripe's event id; a repeated id changes nothing."`
	Type string `json:"type" example:"payment_intent.succeeded" doc:"payment_intent.succeeded, payment_intent.payment_failed, payment_intent.processing, charge.refunded, charge.dispute.created or charge.dispute.closed; other types are acknowledged and ignored."`
	Data struct {
		Object stripeObject `json:"object"`
	} `json:"data"`
}

// stripeObject is the part of a payment intent, a charge or a dispute Tickup reads.
// Tickup's id travels in the metadata; the payment intent's id is the provider
// transaction id (a charge's and a dispute's payment_intent).
type stripeObject struct {
	ID               string            `json:"id" doc:"A payment intent's id is the provider transaction id (a charge's or dispute's own id is not)."`
	Object           string            `json:"object,omitempty" example:"payment_intent" doc:"payment_intent, charge or dispute."`
	Amount           int64             `json:"amount" doc:"Cents; must be the amount of the purchase, top-up or withdrawal (a dispute: the disputed amount)."`
	AmountRefunded   int64             `json:"amount_refunded,omitempty" doc:"charge.refunded: the total refunded so far, in cents."`
	Currency         string            `json:"currency" example:"eur"`
	Status           string            `json:"status,omitempty" doc:"charge.dispute.closed: won, warning_closed, lost or charge_refunded."`
	PaymentIntent    stripeID          `json:"payment_intent,omitempty" doc:"A charge's or dispute's payment intent (an id): the transaction it reverses."`
	Metadata         map[string]string `json:"metadata,omitempty" doc:"purchase_id, topup_id or withdrawal_id: Tickup's id, set when the payment was created."`
	LastPaymentError *struct {
		Code    string `json:"code,omitempty"`
		Message string `json:"message,omitempty"`
	} `json:"last_payment_error,omitempty" doc:"payment_intent.payment_failed: why (the message, or else the code)."`
}

// stripeID is a reference Stripe sends as an id, or as the object when expanded.
type stripeID string

// UnmarshalJSON reads either form.
func (s *stripeID) UnmarshalJSON(data []byte) error {
	var id string
	if json.Unmarshal(data, &id) == nil {
		*s = stripeID(id)
		return nil
	}
	var obj struct {
		ID string `json:"id"`
	}
	err := json.Unmarshal(data, &obj)
	*s = stripeID(obj.ID)
	return err
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
	switch {
	case ev.Type == "charge.dispute.closed":
		n.outcome = stripeDisputeClosed()[obj.Status]
		n.txnID = string(obj.PaymentIntent)
	case n.outcome == outcomeRefunded:
		n.txnID, n.amountCents = string(obj.PaymentIntent), obj.AmountRefunded
	case n.outcome == outcomeDisputed:
		n.txnID = string(obj.PaymentIntent)
	}
	if e := obj.LastPaymentError; e != nil {
		n.reason = e.Message
		if n.reason == "" {
			n.reason = e.Code
		}
	}
	return n.normalise(), nil
}

// LenientBody documents that Stripe events may carry fields Tickup does not read.
func (stripeEvent) LenientBody() {}

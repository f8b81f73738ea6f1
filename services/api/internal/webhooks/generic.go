package webhooks

import (
	"bytes"
	"io"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/problem"
	"tickup.dev/services/api/internal/validate"
)

// Generic provider event types, and what each says about the payment.
func genericOutcomes() map[string]string {
	return map[string]string{
		"payment.succeeded":  outcomeSucceeded,
		"payment.failed":     outcomeFailed,
		"payment.processing": outcomeProcessing,
		"payment.refunded":   outcomeRefunded,
		"payment.disputed":   outcomeDisputed,
	}
}

// genericDisputeOutcomes reads payment.disputed's dispute_status ("" is open).
func genericDisputeOutcomes() map[string]string {
	return map[string]string{"": outcomeDisputed, "open": outcomeDisputed, "won": outcomeDisputeWon, "lost": outcomeDisputeLost}
}

// genericEvent is the body of a generic provider's event, signed with Standard Webhooks
// headers (webhook-id, webhook-timestamp, webhook-signature).
type genericEvent struct {
	ID   string      `json:"id" example:"evt_01J2ZQ" doc:"The provider's event id (default: the webhook-id header); a repeated id changes nothing."`
	Type string      `json:"type" example:"payment.succeeded" doc:"payment.succeeded, payment.failed, payment.processing, payment.refunded or payment.disputed; other types are acknowledged and ignored."`
	Data genericData `json:"data"`
}

// genericData says which payment the event is about.
type genericData struct {
	PurchaseID    string `json:"purchase_id,omitempty" format:"uuid" doc:"Exactly one of purchase_id, topup_id and withdrawal_id."`
	TopupID       string `json:"topup_id,omitempty" format:"uuid"`
	WithdrawalID  string `json:"withdrawal_id,omitempty" format:"uuid"`
	ProviderTxnID string `json:"provider_txn_id,omitempty" doc:"The provider's transaction id (optional for payment.failed)."`
	AmountCents   int64  `json:"amount_cents" minimum:"1" maximum:"100000000000" doc:"1 to 100000000000 (more is a 422). Must be the amount of the purchase, top-up or withdrawal; payment.refunded: the total refunded so far; payment.disputed: the disputed amount (never more than was paid)."`
	Currency      string `json:"currency" example:"EUR"`
	FailureReason string `json:"failure_reason,omitempty" doc:"payment.failed: why."`
	DisputeStatus string `json:"dispute_status,omitempty" enum:"open,won,lost" doc:"payment.disputed: open (the default) when the buyer disputes, won or lost when the dispute closes."`
}

// genericParser reads the generic format strictly (it is Tickup's own contract): an
// unknown field is a 422.
func genericParser(c *gin.Context) parser {
	return func(body []byte, headerID string) (notice, error) {
		var ev genericEvent
		c.Request.Body = io.NopCloser(bytes.NewReader(body))
		if err := problem.DecodeJSON(c, &ev, httpapi.DefaultMaxBodyBytes); err != nil {
			return notice{}, err
		}
		if ev.ID == "" {
			ev.ID = headerID
		}
		d := ev.Data
		outcome := genericOutcomes()[ev.Type]
		if outcome == outcomeDisputed {
			var ok bool
			if outcome, ok = genericDisputeOutcomes()[d.DisputeStatus]; !ok {
				var chk validate.Checker
				chk.Add("data.dispute_status", "must be open, won or lost")
				return notice{}, chk.Err()
			}
		}
		n := notice{eventID: ev.ID, eventType: ev.Type, outcome: outcome,
			purchaseID: d.PurchaseID, topupID: d.TopupID, withdrawalID: d.WithdrawalID, txnID: d.ProviderTxnID,
			amountCents: d.AmountCents, currency: d.Currency, reason: d.FailureReason}
		return n.normalise(), nil
	}
}

package webhooks

import (
	"bytes"
	"io"

	"github.com/gin-gonic/gin"

	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/problem"
)

// Generic provider event types, and what each says about the payment.
func genericOutcomes() map[string]string {
	return map[string]string{
		"payment.succeeded":  outcomeSucceeded,
		"payment.failed":     outcomeFailed,
		"payment.processing": outcomeProcessing,
	}
}

// genericEvent is the body of a generic provider's event, signed with Standard Webhooks
// headers (webhook-id, webhook-timestamp, webhook-signature).
type genericEvent struct {
	ID   string      `json:"id" example:"evt_01J2ZQ" doc:"The provider's event id (default: the webhook-id header); a repeated id changes nothing."`
	Type string      `json:"type" example:"payment.succeeded" doc:"payment.succeeded, payment.failed or payment.processing; other types are acknowledged and ignored."`
	Data genericData `json:"data"`
}

// genericData says which payment the event is about.
type genericData struct {
	PurchaseID    string `json:"purchase_id,omitempty" format:"uuid" doc:"Exactly one of purchase_id, topup_id and withdrawal_id."`
	TopupID       string `json:"topup_id,omitempty" format:"uuid"`
	WithdrawalID  string `json:"withdrawal_id,omitempty" format:"uuid"`
	ProviderTxnID string `json:"provider_txn_id" doc:"The provider's transaction id (optional for payment.failed)."`
	AmountCents   int64  `json:"amount_cents" minimum:"1" maximum:"100000000000" doc:"Must be the amount of the purchase, top-up or withdrawal (1 to 100000000000; more is a 422)."`
	Currency      string `json:"currency" example:"EUR"`
	FailureReason string `json:"failure_reason,omitempty" doc:"payment.failed: why."`
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
		n := notice{eventID: ev.ID, eventType: ev.Type, outcome: genericOutcomes()[ev.Type],
			purchaseID: d.PurchaseID, topupID: d.TopupID, withdrawalID: d.WithdrawalID, txnID: d.ProviderTxnID,
			amountCents: d.AmountCents, currency: d.Currency, reason: d.FailureReason}
		return n.normalise(), nil
	}
}

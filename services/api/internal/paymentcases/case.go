// Package paymentcases lists what card refunds and disputes did to purchases, one case per
// provider event, so that operators see every one and act on those marked for review
// (docs/architecture.md, "Card refunds and disputes"): GET /payment-cases. The saga
// (domain/purchase, app) records and resolves them.
package paymentcases

import (
	"time"

	"tickup.dev/services/api/internal/domain/purchase"
)

// Resolutions: what became of the purchase's ticket, or who must act (the saga decides
// them: domain/purchase).
const (
	Pending        = purchase.CasePending
	TicketVoided   = purchase.CaseTicketVoided
	NoTicket       = purchase.CaseNoTicket
	OperatorReview = purchase.CaseOperatorReview
	Reinstated     = purchase.CaseReinstated
	Closed         = purchase.CaseClosed
)

// Case is one provider refund or dispute event and what it did.
type Case struct {
	CaseID         string    `json:"case_id" format:"uuid"`
	PurchaseID     string    `json:"purchase_id" format:"uuid"`
	Provider       string    `json:"provider" enum:"stripe,generic"`
	EventID        string    `json:"event_id" doc:"The provider's event id."`
	EventType      string    `json:"event_type" example:"charge.refunded"`
	Kind           string    `json:"kind" enum:"REFUND,DISPUTE,DISPUTE_WON,DISPUTE_LOST"`
	AmountCents    int64     `json:"amount_cents" minimum:"1" doc:"Refunded (in total so far) or disputed, in cents."`
	Currency       string    `json:"currency" example:"EUR"`
	PurchaseStatus string    `json:"purchase_status" doc:"The purchase's status after the event."`
	PoolState      string    `json:"pool_state,omitempty" doc:"The pool's state when ticketing handled it."`
	Resolution     string    `json:"resolution" enum:"pending,ticket_voided,no_ticket,operator_review,reinstated,closed"`
	Detail         string    `json:"detail,omitempty" doc:"What an operator should know."`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

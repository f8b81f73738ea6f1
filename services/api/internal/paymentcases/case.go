// Package paymentcases records what card refunds and disputes did to purchases, one case
// per provider event, so that operators see every one and act on those marked for review
// (docs/architecture.md, "Card refunds and disputes"). GET /payment-cases lists them.
package paymentcases

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Kinds of case: what the provider reported.
const (
	KindRefund      = "REFUND"
	KindDispute     = "DISPUTE"
	KindDisputeWon  = "DISPUTE_WON"
	KindDisputeLost = "DISPUTE_LOST"
)

// Resolutions: what became of the purchase's ticket, or who must act.
const (
	Pending        = "pending"         // ticketing has not answered yet
	TicketVoided   = "ticket_voided"   // its pool was OPEN: the ticket (or boost) is voided
	NoTicket       = "no_ticket"       // no ticket was, or will ever be, issued for it
	OperatorReview = "operator_review" // a person must decide (after the draw, twice refunded, …)
	Reinstated     = "reinstated"      // a dispute won while the ticket stood: CONFIRMED again
	Closed         = "closed"          // nothing left to do
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

// columns reads a payment_case row into Case.
const columns = `case_id::text AS case_id, purchase_id::text AS purchase_id, provider, event_id, event_type, kind,
	amount_cents, currency, purchase_status, COALESCE(pool_state, '') AS pool_state, resolution, detail, created_at, updated_at`

// Record stores c in tx (its id and times are set here).
func Record(ctx context.Context, tx *gorm.DB, c Case) error {
	id, err := uuid.NewV7()
	if err != nil {
		return fmt.Errorf("payment case id: %w", err)
	}
	err = tx.WithContext(ctx).Exec(`INSERT INTO payment_case (case_id, purchase_id, provider, event_id, event_type, kind,
			amount_cents, currency, purchase_status, pool_state, resolution, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?)`, id, c.PurchaseID, c.Provider, c.EventID, c.EventType,
		c.Kind, c.AmountCents, c.Currency, c.PurchaseStatus, c.PoolState, c.Resolution, c.Detail).Error
	if err != nil {
		return fmt.Errorf("record payment case of purchase %s: %w", c.PurchaseID, err)
	}
	return nil
}

// Resolve settles the pending cases of a purchase with ticketing's answer; the number
// of cases it settled (0 when none was pending: a redelivered answer).
func Resolve(ctx context.Context, tx *gorm.DB, purchaseID, resolution, poolState, detail string) (int64, error) {
	res := tx.WithContext(ctx).Exec(`UPDATE payment_case SET resolution = ?, pool_state = NULLIF(?, ''),
			detail = CASE WHEN ? = '' THEN detail ELSE ? END, updated_at = now()
		WHERE purchase_id = ? AND resolution = ?`, resolution, poolState, detail, detail, purchaseID, Pending)
	if res.Error != nil {
		return 0, fmt.Errorf("resolve payment cases of purchase %s: %w", purchaseID, res.Error)
	}
	return res.RowsAffected, nil
}

// Last returns the latest case of a kind for a purchase; false when there is none.
func Last(ctx context.Context, tx *gorm.DB, purchaseID, kind string) (Case, bool, error) {
	var out []Case
	err := tx.WithContext(ctx).Raw(`SELECT `+columns+` FROM payment_case WHERE purchase_id = ? AND kind = ?
		ORDER BY case_id DESC LIMIT 1`, purchaseID, kind).Scan(&out).Error
	if err != nil || len(out) == 0 {
		return Case{}, false, err
	}
	return out[0], true, nil
}

package adapters

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/domain"
)

// voidReversed voids the reversed purchase's boost, or its ticket together with the boosts
// applied to it, and returns a ticket.voided per refund. The ticket keeps its row and
// number (tickets_sold does not move: numbers are never reused); a voided boost no longer
// counts in its ticket's weight.
func voidReversed(tx *gorm.DB, snap domain.ReversalSnapshot, refunds []domain.Refund, now time.Time) ([]events.Event, error) {
	var err error
	if snap.Boost != nil {
		err = voidBoosts(tx, "purchase_id = ?", snap.Boost.PurchaseID, now)
	} else {
		err = voidTicket(tx, snap.Ticket.ID.String(), now)
	}
	if err != nil {
		return nil, err
	}
	evs := make([]events.Event, len(refunds))
	for i, rf := range refunds {
		evs[i] = refundEvent(rf)
	}
	return evs, nil
}

// voidTicket voids the ticket and the boosts applied to it.
func voidTicket(tx *gorm.DB, ticketID string, now time.Time) error {
	if err := tx.Exec(`UPDATE ticket SET voided_at = ? WHERE ticket_id = ?`, now, ticketID).Error; err != nil {
		return fmt.Errorf("void ticket %s: %w", ticketID, err)
	}
	return voidBoosts(tx, "ticket_id = ?", ticketID, now)
}

// voidBoosts voids the live boosts matching where and takes each off its ticket's weight.
func voidBoosts(tx *gorm.DB, where string, arg any, now time.Time) error {
	err := tx.Exec(`WITH voided AS (
			UPDATE ticket_boost SET voided_at = ? WHERE `+where+` AND voided_at IS NULL RETURNING ticket_id)
		UPDATE ticket t SET weight = t.weight - v.n
		FROM (SELECT ticket_id, count(*) AS n FROM voided GROUP BY ticket_id) v WHERE t.ticket_id = v.ticket_id`,
		now, arg).Error
	if err != nil {
		return fmt.Errorf("void boosts: %w", err)
	}
	return nil
}

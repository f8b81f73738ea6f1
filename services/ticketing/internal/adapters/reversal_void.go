package adapters

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/domain"
)

// void voids the reversed purchase's boost, or its ticket together with the boosts applied
// to it. The ticket keeps its row and number (tickets_sold does not move: numbers are never
// reused); a voided boost no longer counts in its ticket's weight.
func (r ReversalRepository) void(target reversalTarget, reason string, now time.Time) ([]events.Event, error) {
	t := target.ticket
	if target.boost != nil {
		if err := voidBoosts(r.DB, "purchase_id = ?", target.boost.PurchaseID, now); err != nil {
			return nil, err
		}
		return []events.Event{events.TicketVoided(ticketEvent(t, domain.PurchaseBoost, reason))}, nil
	}
	if err := r.DB.Exec(`UPDATE ticket SET voided_at = ? WHERE ticket_id = ?`, now, t.TicketID).Error; err != nil {
		return nil, fmt.Errorf("void ticket %s: %w", t.TicketID, err)
	}
	var boosts []boostRow
	if err := r.DB.Where("ticket_id = ? AND voided_at IS NULL", t.TicketID).Order("created_at, purchase_id").Find(&boosts).Error; err != nil {
		return nil, fmt.Errorf("read boosts of ticket %s: %w", t.TicketID, err)
	}
	if err := voidBoosts(r.DB, "ticket_id = ?", t.TicketID, now); err != nil {
		return nil, err
	}
	evs := []events.Event{events.TicketVoided(ticketEvent(t, t.Source, reason))}
	for _, b := range boosts {
		bt := t
		bt.PurchaseID, bt.AmountCents, bt.Currency, bt.PaymentMethod = b.PurchaseID, b.AmountCents, b.Currency, b.PaymentMethod
		bt.RetryOfTicketID = nil
		evs = append(evs, events.TicketVoided(ticketEvent(bt, domain.PurchaseBoost, domain.ReasonBoostedVoided)))
	}
	return evs, nil
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

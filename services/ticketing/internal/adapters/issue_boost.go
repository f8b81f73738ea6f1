package adapters

import (
	"fmt"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/domain"
)

// boost raises each boosted ticket's weight by one per BOOST purchase, in order, so every
// ticket.boosted carries the weight that purchase reached.
func (w *batchWriter) boost(pp domain.PoolPlan) error {
	for _, pu := range pp.Boost {
		var rows []ticketRow
		err := w.tx.Raw(`UPDATE ticket SET weight = weight + 1 WHERE ticket_id = ? AND pool_id = ? RETURNING *`,
			pu.TicketID, pu.PoolID).Scan(&rows).Error
		if err != nil {
			return fmt.Errorf("boost ticket %s: %w", pu.TicketID, err)
		}
		if len(rows) != 1 {
			return fmt.Errorf("boost ticket %s: not a ticket of pool %s", pu.TicketID, pu.PoolID)
		}
		t := rows[0].domain()
		b := domain.Boost{PurchaseID: pu.PurchaseID, TicketID: t.ID, PoolID: pu.PoolID, UserID: pu.UserID,
			AmountCents: pu.AmountCents, Currency: pu.Currency, PaymentMethod: pu.PaymentMethod, CreatedAt: w.now}
		w.boosts = append(w.boosts, toBoostRow(b))
		w.outcome(pu, domain.PurchaseBoosted, &t.ID, "")
		w.emit(pp.PoolID, events.TicketBoosted(ticketEvent(t.BoostedBy(b), domain.PurchaseBoost, "")))
	}
	return nil
}

func (w *batchWriter) reject(pp domain.PoolPlan) {
	for _, r := range pp.Reject {
		w.outcome(r.Purchase, domain.PurchaseRejected, nil, r.Reason)
		w.emit(pp.PoolID, events.TicketRejected(purchaseEvent(r.Purchase, r.Reason)))
	}
}

func (w *batchWriter) outcome(pu domain.Purchase, outcome string, ticketID *uuid.UUID, reason string) {
	w.outcomes = append(w.outcomes, outcomeRow{PurchaseID: pu.PurchaseID, PoolID: pu.PoolID, UserID: pu.UserID,
		PurchaseType: pu.Type, Outcome: outcome, TicketID: ticketID, Reason: reason, CreatedAt: w.now})
}

func (w *batchWriter) emit(poolID uuid.UUID, ev events.Event) {
	w.events[poolID] = append(w.events[poolID], ev)
}

// insert writes the batch's tickets, boosts and outcomes, one statement per table. The
// unique purchase_id of ticket and purchase_outcome refuses a second outcome for a purchase.
func (w *batchWriter) insert() error {
	if len(w.tickets) > 0 {
		if err := w.tx.Create(&w.tickets).Error; err != nil {
			return fmt.Errorf("insert %d tickets: %w", len(w.tickets), err)
		}
	}
	if len(w.boosts) > 0 {
		if err := w.tx.Create(&w.boosts).Error; err != nil {
			return fmt.Errorf("insert %d boosts: %w", len(w.boosts), err)
		}
	}
	if len(w.outcomes) > 0 {
		if err := w.tx.Create(&w.outcomes).Error; err != nil {
			return fmt.Errorf("insert %d outcomes: %w", len(w.outcomes), err)
		}
	}
	return nil
}

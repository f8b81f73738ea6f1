package adapters

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/domain"
)

// ReversalStore applies card refunds and disputes inside the consumer's transaction: it
// locks the pool first, as issuance does, so that a reversal and an issuance of the same
// purchase see each other's effects.
type ReversalStore struct {
	DB *gorm.DB
}

// Apply implements app.Reversals.
func (r ReversalStore) Apply(ctx context.Context, rv domain.Reversal, now time.Time,
	decide func(domain.ReversalSnapshot) domain.ReversalVerdict) error {
	tx := r.DB.WithContext(ctx)
	snap, err := reversalSnapshot(tx, rv)
	if err != nil {
		return fmt.Errorf("reversal of purchase %s: %w", rv.Purchase.PurchaseID, err)
	}
	var evs []events.Event
	switch v := decide(snap); v.Fate {
	case domain.FateReject:
		evs, err = rejectReversed(tx, rv, now)
	case domain.FateVoid:
		evs, err = voidReversed(tx, snap, v.Refunds, now)
	default:
		evs = []events.Event{events.TicketKept(kept(rv, snap, v.Why))}
	}
	if err == nil {
		err = addEvents(ctx, tx, rv.Purchase.PoolID.String(), evs)
	}
	if err != nil {
		return fmt.Errorf("reversal of purchase %s: %w", rv.Purchase.PurchaseID, err)
	}
	return nil
}

// reversalSnapshot locks the pool (when it exists) and reads the purchase's outcome, its
// ticket and, for a BOOST, its boost, else the live boosts of its ticket.
func reversalSnapshot(tx *gorm.DB, rv domain.Reversal) (domain.ReversalSnapshot, error) {
	var snap domain.ReversalSnapshot
	row, err := lockPool(tx, rv.Purchase.PoolID)
	var refused *domain.Error
	switch {
	case errors.As(err, &refused): // no such pool: the purchase was (or will be) rejected
	case err != nil:
		return snap, err
	default:
		p := row.domain()
		snap.Pool = &p
	}
	var outcomes []outcomeRow
	if err := tx.Where("purchase_id = ?", rv.Purchase.PurchaseID).Limit(1).Find(&outcomes).Error; err != nil {
		return snap, fmt.Errorf("read outcome: %w", err)
	}
	if len(outcomes) == 0 {
		return snap, nil
	}
	snap.Outcome = outcomes[0].Outcome
	if outcomes[0].TicketID == nil {
		snap.OutcomeReason = outcomes[0].Reason
		return snap, nil
	}
	if err := readTarget(tx, &snap, *outcomes[0].TicketID, rv.Purchase.PurchaseID); err != nil {
		return snap, err
	}
	var voided int64
	err = tx.Model(&ticketRow{}).Where("pool_id = ? AND voided_at IS NOT NULL", rv.Purchase.PoolID).Count(&voided).Error
	snap.VoidedInPool = int(voided)
	return snap, err
}

// readTarget reads the purchase's ticket, and its boost for a BOOST or the ticket's live
// boosts otherwise.
func readTarget(tx *gorm.DB, snap *domain.ReversalSnapshot, ticketID, purchaseID uuid.UUID) error {
	var t ticketRow
	if err := tx.Where("ticket_id = ?", ticketID).Take(&t).Error; err != nil {
		return fmt.Errorf("read ticket: %w", err)
	}
	ticket := t.domain()
	snap.Ticket, snap.Voided = &ticket, t.VoidedAt != nil
	if snap.Outcome == domain.PurchaseBoosted {
		var row boostRow
		if err := tx.Where("purchase_id = ?", purchaseID).Take(&row).Error; err != nil {
			return fmt.Errorf("read boost: %w", err)
		}
		b := row.domain()
		snap.Boost, snap.Voided = &b, b.VoidedAt != nil
		return nil
	}
	var boosts []boostRow
	if err := tx.Where("ticket_id = ? AND voided_at IS NULL", ticketID).Order("created_at, purchase_id").Find(&boosts).Error; err != nil {
		return fmt.Errorf("read boosts of ticket %s: %w", ticketID, err)
	}
	for _, b := range boosts {
		snap.TicketBoosts = append(snap.TicketBoosts, b.domain())
	}
	return nil
}

// rejectReversed records that a purchase reversed before its ticket was issued gets none:
// the issuance that comes later finds the outcome and skips it.
func rejectReversed(tx *gorm.DB, rv domain.Reversal, now time.Time) ([]events.Event, error) {
	pu := rv.Purchase
	row := outcomeRow{PurchaseID: pu.PurchaseID, PoolID: pu.PoolID, UserID: pu.UserID, PurchaseType: pu.Type,
		Outcome: domain.PurchaseRejected, Reason: rv.Reason, CreatedAt: now}
	if err := tx.Create(&row).Error; err != nil {
		return nil, fmt.Errorf("record rejection: %w", err)
	}
	return []events.Event{events.TicketRejected(purchaseEvent(pu, rv.Reason))}, nil
}

// kept is the ticket.kept answer: the ticket (none when it was never issued), the pool's
// state and why nothing was voided.
func kept(rv domain.Reversal, snap domain.ReversalSnapshot, why string) events.Ticket {
	e := purchaseEvent(rv.Purchase, why)
	if t := snap.PurchaseTicket(); t != nil {
		e = ticketEvent(*t, rv.Purchase.Type, why)
	}
	if snap.Pool != nil {
		e.PoolState = string(snap.Pool.State)
	}
	return e
}

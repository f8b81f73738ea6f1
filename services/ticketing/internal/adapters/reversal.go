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

// ReversalRepository applies card refunds and disputes inside the caller's transaction
// (the inbox's): it locks the pool first, as issuance does, so that a reversal and an
// issuance of the same purchase see each other's effects.
type ReversalRepository struct {
	DB *gorm.DB
}

// reversalTarget is the reversed purchase's ticket, and its boost for a BOOST.
type reversalTarget struct {
	ticket ticketRow
	boost  *boostRow
}

// Apply implements app.Reversals.
func (r ReversalRepository) Apply(ctx context.Context, rv domain.Reversal, now time.Time,
	decide func(domain.ReversalSnapshot) domain.ReversalVerdict) error {
	snap, target, err := r.snapshot(rv)
	if err != nil {
		return fmt.Errorf("reversal of purchase %s: %w", rv.Purchase.PurchaseID, err)
	}
	var evs []events.Event
	switch v := decide(snap); v.Fate {
	case domain.FateReject:
		evs, err = r.reject(rv, now)
	case domain.FateVoid:
		evs, err = r.void(target, rv.Reason, now)
	default:
		evs = []events.Event{events.TicketKept(kept(rv, snap, target, v.Why))}
	}
	if err == nil {
		err = addEvents(ctx, r.DB, rv.Purchase.PoolID.String(), evs)
	}
	if err != nil {
		return fmt.Errorf("reversal of purchase %s: %w", rv.Purchase.PurchaseID, err)
	}
	return nil
}

// snapshot locks the pool (when it exists) and reads the purchase's outcome and target.
func (r ReversalRepository) snapshot(rv domain.Reversal) (domain.ReversalSnapshot, reversalTarget, error) {
	var snap domain.ReversalSnapshot
	row, err := lockPool(r.DB, rv.Purchase.PoolID)
	var refused *domain.Error
	switch {
	case errors.As(err, &refused): // no such pool: the purchase was (or will be) rejected
	case err != nil:
		return snap, reversalTarget{}, err
	default:
		p := row.domain()
		snap.Pool = &p
	}
	var outcomes []outcomeRow
	if err := r.DB.Where("purchase_id = ?", rv.Purchase.PurchaseID).Limit(1).Find(&outcomes).Error; err != nil {
		return snap, reversalTarget{}, fmt.Errorf("read outcome: %w", err)
	}
	if len(outcomes) == 0 || outcomes[0].TicketID == nil {
		if len(outcomes) == 1 {
			snap.Outcome, snap.OutcomeReason = outcomes[0].Outcome, outcomes[0].Reason
		}
		return snap, reversalTarget{}, nil
	}
	snap.Outcome = outcomes[0].Outcome
	target, err := r.target(*outcomes[0].TicketID, rv.Purchase.PurchaseID, snap.Outcome == domain.PurchaseBoosted)
	if err != nil {
		return snap, target, err
	}
	snap.Voided = target.ticket.VoidedAt != nil
	if target.boost != nil {
		snap.Voided = target.boost.VoidedAt != nil
	}
	var voided int64
	err = r.DB.Model(&ticketRow{}).Where("pool_id = ? AND voided_at IS NOT NULL", rv.Purchase.PoolID).Count(&voided).Error
	snap.VoidedInPool = int(voided)
	return snap, target, err
}

// target reads the purchase's ticket and, for a BOOST, its boost; the ticket then
// describes the boost's purchase and payment, as the events about the boost need.
func (r ReversalRepository) target(ticketID, purchaseID uuid.UUID, boosted bool) (reversalTarget, error) {
	var t reversalTarget
	if err := r.DB.Where("ticket_id = ?", ticketID).Take(&t.ticket).Error; err != nil {
		return t, fmt.Errorf("read ticket: %w", err)
	}
	if !boosted {
		return t, nil
	}
	t.boost = &boostRow{}
	if err := r.DB.Where("purchase_id = ?", purchaseID).Take(t.boost).Error; err != nil {
		return t, fmt.Errorf("read boost: %w", err)
	}
	t.ticket.PurchaseID, t.ticket.AmountCents = t.boost.PurchaseID, t.boost.AmountCents
	t.ticket.Currency, t.ticket.PaymentMethod = t.boost.Currency, t.boost.PaymentMethod
	return t, nil
}

// reject records that a purchase reversed before its ticket was issued gets none: the
// issuance that comes later finds the outcome and skips it.
func (r ReversalRepository) reject(rv domain.Reversal, now time.Time) ([]events.Event, error) {
	pu := rv.Purchase
	row := outcomeRow{PurchaseID: pu.PurchaseID, PoolID: pu.PoolID, UserID: pu.UserID, PurchaseType: pu.Type,
		Outcome: domain.PurchaseRejected, Reason: rv.Reason, CreatedAt: now}
	if err := r.DB.Create(&row).Error; err != nil {
		return nil, fmt.Errorf("record rejection: %w", err)
	}
	return []events.Event{events.TicketRejected(purchaseEvent(pu, rv.Reason))}, nil
}

// kept is the ticket.kept answer: the ticket (none when it was never issued), the pool's
// state and why nothing was voided.
func kept(rv domain.Reversal, snap domain.ReversalSnapshot, target reversalTarget, why string) events.Ticket {
	e := purchaseEvent(rv.Purchase, why)
	if target.ticket.TicketID != uuid.Nil {
		e = ticketEvent(target.ticket, rv.Purchase.Type, why)
	}
	if snap.Pool != nil {
		e.PoolState = string(snap.Pool.State)
	}
	return e
}

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

// Cancel implements app.Pools.
func (r PoolRepository) Cancel(ctx context.Context, id uuid.UUID, reason string, now time.Time) (domain.Pool, error) {
	var out domain.Pool
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := lockPool(tx, id)
		if err != nil {
			return err
		}
		out = row.domain()
		return cancel(ctx, tx, &out, reason, now)
	})
	if err != nil {
		return domain.Pool{}, fmt.Errorf("cancel pool %s: %w", id, err)
	}
	return out, nil
}

// CancelExpired implements app.Pools. SKIP LOCKED lets replicas sweep side by side, and
// leaves a pool that an issuance batch holds to the next sweep.
func (r PoolRepository) CancelExpired(ctx context.Context, reason string, now time.Time) (bool, error) {
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var row poolRow
		res := tx.Raw(`SELECT * FROM raffle_pool WHERE state = 'OPEN' AND closes_at <= ?
			ORDER BY closes_at LIMIT 1 FOR UPDATE SKIP LOCKED`, now).Scan(&row)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return gorm.ErrRecordNotFound
		}
		p := row.domain()
		return cancel(ctx, tx, &p, reason, now)
	})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("cancel expired pool: %w", err)
	}
	return true, nil
}

// cancel moves a locked pool to CANCELLED, returns its reserved stock, voids its tickets
// and emits pool.cancelled and one ticket.voided per purchase to refund: each ticket's
// purchase, and each BOOST purchase applied to one of them.
func cancel(ctx context.Context, tx *gorm.DB, p *domain.Pool, reason string, now time.Time) error {
	if err := p.Cancel(now); err != nil {
		return err
	}
	err := tx.Exec(`UPDATE raffle_pool SET state = ?, updated_at = ? WHERE pool_id = ?`, string(p.State), now, p.ID).Error
	if err != nil {
		return fmt.Errorf("mark cancelled: %w", err)
	}
	err = tx.Exec(`UPDATE prize SET stock = stock + ?, updated_at = ? WHERE prize_id = ?`, p.WinnersCount, now, p.PrizeID).Error
	if err != nil {
		return fmt.Errorf("return stock: %w", err)
	}
	voided, err := voidTickets(tx, p.ID, reason, now)
	if err != nil {
		return err
	}
	evs := append([]events.Event{events.PoolCancelled(poolEvent(*p, reason))}, voided...)
	return addEvents(ctx, tx, p.ID.String(), evs)
}

func voidTickets(tx *gorm.DB, poolID uuid.UUID, reason string, now time.Time) ([]events.Event, error) {
	var tickets []ticketRow
	err := tx.Raw(`UPDATE ticket SET voided_at = ? WHERE pool_id = ? AND voided_at IS NULL RETURNING *`,
		now, poolID).Scan(&tickets).Error
	if err != nil {
		return nil, fmt.Errorf("void tickets: %w", err)
	}
	var boosts []boostRow
	// A boost voided before (its card payment given back) was settled then: never twice.
	if err := tx.Where("pool_id = ? AND voided_at IS NULL", poolID).Order("created_at, purchase_id").Find(&boosts).Error; err != nil {
		return nil, fmt.Errorf("read boosts: %w", err)
	}
	byID := make(map[uuid.UUID]ticketRow, len(tickets))
	evs := make([]events.Event, 0, len(tickets)+len(boosts))
	sortByNum(tickets)
	for _, t := range tickets {
		byID[t.TicketID] = t
		evs = append(evs, events.TicketVoided(ticketEvent(t, t.Source, reason)))
	}
	for _, b := range boosts {
		t := byID[b.TicketID]
		t.PurchaseID, t.AmountCents, t.Currency, t.PaymentMethod = b.PurchaseID, b.AmountCents, b.Currency, b.PaymentMethod
		evs = append(evs, events.TicketVoided(ticketEvent(t, domain.PurchaseBoost, reason)))
	}
	return evs, nil
}

package adapters

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// Cancel implements app.Pools.
func (r PoolRepository) Cancel(ctx context.Context, id uuid.UUID, decide app.CancelFunc) (domain.Pool, error) {
	var out domain.Pool
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := lockPool(tx, id)
		if err != nil {
			return err
		}
		out, err = cancel(ctx, tx, row.domain(), decide)
		return err
	})
	if err != nil {
		return domain.Pool{}, fmt.Errorf("cancel pool %s: %w", id, err)
	}
	return out, nil
}

// CancelExpired implements app.Pools. SKIP LOCKED lets replicas sweep side by side, and
// leaves a pool that an issuance batch holds to the next sweep.
func (r PoolRepository) CancelExpired(ctx context.Context, now time.Time, decide app.CancelFunc) (bool, error) {
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
		_, err := cancel(ctx, tx, row.domain(), decide)
		return err
	})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("cancel expired pool: %w", err)
	}
	return true, nil
}

// cancel reads the locked pool's live tickets and boosts, lets decide cancel it, and
// stores the cancellation: the state, the stock given back, the tickets voided, and
// pool.cancelled with one ticket.voided per refund.
func cancel(ctx context.Context, tx *gorm.DB, p domain.Pool, decide app.CancelFunc) (domain.Pool, error) {
	live, err := liveEntries(tx, p.ID)
	if err != nil {
		return domain.Pool{}, err
	}
	c, err := decide(p, live)
	if err != nil {
		return domain.Pool{}, err
	}
	p, now := c.Pool, c.Pool.UpdatedAt
	if err := setState(tx, p); err != nil {
		return domain.Pool{}, err
	}
	err = tx.Exec(`UPDATE prize SET stock = stock + ?, updated_at = ? WHERE prize_id = ?`, p.WinnersCount, now, p.PrizeID).Error
	if err != nil {
		return domain.Pool{}, fmt.Errorf("return stock: %w", err)
	}
	if err := tx.Exec(`UPDATE ticket SET voided_at = ? WHERE pool_id = ? AND voided_at IS NULL`, now, p.ID).Error; err != nil {
		return domain.Pool{}, fmt.Errorf("void tickets: %w", err)
	}
	evs := make([]events.Event, 0, 1+len(c.Refunds))
	evs = append(evs, events.PoolCancelled(poolEvent(p, c.Reason)))
	for _, rf := range c.Refunds {
		evs = append(evs, refundEvent(rf))
	}
	return p, addEvents(ctx, tx, p.ID.String(), evs)
}

// liveEntries reads the pool's tickets and boosts not voided, boosts in the order bought.
func liveEntries(tx *gorm.DB, poolID uuid.UUID) (domain.PoolEntries, error) {
	var tickets []ticketRow
	if err := tx.Where("pool_id = ? AND voided_at IS NULL", poolID).Find(&tickets).Error; err != nil {
		return domain.PoolEntries{}, fmt.Errorf("read tickets: %w", err)
	}
	var boosts []boostRow
	if err := tx.Where("pool_id = ? AND voided_at IS NULL", poolID).Order("created_at, purchase_id").Find(&boosts).Error; err != nil {
		return domain.PoolEntries{}, fmt.Errorf("read boosts: %w", err)
	}
	out := domain.PoolEntries{Tickets: make([]domain.Ticket, len(tickets)), Boosts: make([]domain.Boost, len(boosts))}
	for i, t := range tickets {
		out.Tickets[i] = t.domain()
	}
	for i, b := range boosts {
		out.Boosts[i] = b.domain()
	}
	return out, nil
}

package adapters

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/domain"
)

// Start implements app.Pools.
func (r PoolRepository) Start(ctx context.Context, id uuid.UUID, now time.Time) (domain.Pool, error) {
	var out domain.Pool
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := lockPool(tx, id)
		if err != nil {
			return err
		}
		out = row.domain()
		changed, err := out.Start(now)
		if err != nil || !changed {
			return err
		}
		if err := setState(tx, out); err != nil {
			return err
		}
		return addEvents(ctx, tx, id.String(), []events.Event{events.PoolStarted(poolEvent(out, ""))})
	})
	if err != nil {
		return domain.Pool{}, fmt.Errorf("start pool %s: %w", id, err)
	}
	return out, nil
}

// RecordDraw implements app.Pools.
func (r PoolRepository) RecordDraw(ctx context.Context, id uuid.UUID, winners []uuid.UUID, now time.Time) error {
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := lockPool(tx, id)
		if err != nil {
			return err
		}
		p := row.domain()
		changed, err := p.RecordDraw(now)
		if err != nil || !changed {
			return err
		}
		if err := markOutcomes(tx, id, winners); err != nil {
			return err
		}
		if err := setState(tx, p); err != nil {
			return err
		}
		return addEvents(ctx, tx, id.String(), []events.Event{events.PoolDrawn(poolEvent(p, ""))})
	})
	if err != nil {
		return fmt.Errorf("record draw of pool %s: %w", id, err)
	}
	return nil
}

// markOutcomes marks the winners WON and every other ticket of the pool LOST.
func markOutcomes(tx *gorm.DB, poolID uuid.UUID, winners []uuid.UUID) error {
	ids := uniqueStrings(winners)
	if len(ids) == 0 {
		return fmt.Errorf("%w: no winners", domain.ErrBadDrawResult)
	}
	err := tx.Exec(`UPDATE ticket SET outcome = CASE WHEN ticket_id IN ? THEN 'WON' ELSE 'LOST' END
		WHERE pool_id = ?`, ids, poolID).Error
	if err != nil {
		return fmt.Errorf("mark outcomes: %w", err)
	}
	var won int64
	if err := tx.Model(&ticketRow{}).Where("pool_id = ? AND outcome = 'WON'", poolID).Count(&won).Error; err != nil {
		return fmt.Errorf("count winners: %w", err)
	}
	if int(won) != len(ids) {
		return fmt.Errorf("%w: %d winner(s) named, %d of them tickets of the pool", domain.ErrBadDrawResult, len(ids), won)
	}
	return nil
}

func setState(tx *gorm.DB, p domain.Pool) error {
	err := tx.Exec(`UPDATE raffle_pool SET state = ?, updated_at = ? WHERE pool_id = ?`, string(p.State), p.UpdatedAt, p.ID).Error
	if err != nil {
		return fmt.Errorf("set state %s: %w", p.State, err)
	}
	return nil
}

func uniqueStrings(ids []uuid.UUID) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, id.String())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func sortByNum(ts []ticketRow) {
	slices.SortFunc(ts, func(a, b ticketRow) int { return a.TicketNum - b.TicketNum })
}

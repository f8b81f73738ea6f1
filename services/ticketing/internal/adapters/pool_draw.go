package adapters

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// Start implements app.Pools.
func (r PoolRepository) Start(ctx context.Context, id uuid.UUID, start func(*domain.Pool) (bool, error)) (domain.Pool, error) {
	var out domain.Pool
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := lockPool(tx, id)
		if err != nil {
			return err
		}
		out = row.domain()
		changed, err := start(&out)
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

// DrawStore records draw results inside the consumer's transaction.
type DrawStore struct {
	DB *gorm.DB
}

// Record implements app.Draws.
func (s DrawStore) Record(ctx context.Context, id uuid.UUID, record app.RecordFunc) error {
	tx := s.DB.WithContext(ctx)
	row, err := lockPool(tx, id)
	if err != nil {
		return fmt.Errorf("record draw of pool %s: %w", id, err)
	}
	res, changed, err := record(row.domain())
	if err == nil && changed {
		err = saveDraw(ctx, tx, res)
	}
	if err != nil {
		return fmt.Errorf("record draw of pool %s: %w", id, err)
	}
	return nil
}

func saveDraw(ctx context.Context, tx *gorm.DB, res domain.DrawResult) error {
	if err := markOutcomes(tx, res.Pool.ID, res.Winners); err != nil {
		return err
	}
	if err := setState(tx, res.Pool); err != nil {
		return err
	}
	return addEvents(ctx, tx, res.Pool.ID.String(), []events.Event{events.PoolDrawn(poolEvent(res.Pool, ""))})
}

// markOutcomes marks the winners WON and every other ticket of the pool LOST, and refuses
// winners that are not tickets of the pool.
func markOutcomes(tx *gorm.DB, poolID uuid.UUID, winners []uuid.UUID) error {
	err := tx.Exec(`UPDATE ticket SET outcome = CASE WHEN ticket_id IN ? THEN 'WON' ELSE 'LOST' END
		WHERE pool_id = ?`, idStrings(winners), poolID).Error
	if err != nil {
		return fmt.Errorf("mark outcomes: %w", err)
	}
	var won int64
	if err := tx.Model(&ticketRow{}).Where("pool_id = ? AND outcome = 'WON'", poolID).Count(&won).Error; err != nil {
		return fmt.Errorf("count winners: %w", err)
	}
	if int(won) != len(winners) {
		return fmt.Errorf("%w: %d winner(s) named, %d of them tickets of the pool", domain.ErrBadDrawResult, len(winners), won)
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

func idStrings(ids []uuid.UUID) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id.String()
	}
	return out
}

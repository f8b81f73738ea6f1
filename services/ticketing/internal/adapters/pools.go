package adapters

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// PoolRepository stores pools in ticketing.raffle_pool and runs their transitions.
type PoolRepository struct {
	DB *gorm.DB
}

// Create implements app.Pools: the stock reservation, the pool and pool.opened commit together.
func (r PoolRepository) Create(ctx context.Context, p domain.Pool) error {
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := reserveStock(tx, p); err != nil {
			return err
		}
		row := toPoolRow(p)
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return addEvents(ctx, tx, p.ID.String(), []events.Event{events.PoolOpened(poolEvent(p, ""))})
	})
	if err != nil {
		return fmt.Errorf("create pool %s: %w", p.ID, err)
	}
	return nil
}

// reserveStock takes winners_count units of the prize's stock in one guarded statement.
func reserveStock(tx *gorm.DB, p domain.Pool) error {
	res := tx.Exec(`UPDATE prize SET stock = stock - ?, updated_at = now()
		WHERE prize_id = ? AND deleted_at IS NULL AND stock >= ?`, p.WinnersCount, p.PrizeID, p.WinnersCount)
	if res.Error != nil {
		return fmt.Errorf("reserve stock: %w", res.Error)
	}
	if res.RowsAffected == 1 {
		return nil
	}
	prize, err := findPrize(tx, p.PrizeID)
	if err != nil {
		return err
	}
	return domain.ErrOutOfStock(p.PrizeID, prize.Stock, p.WinnersCount)
}

// Get implements app.Pools.
func (r PoolRepository) Get(ctx context.Context, id uuid.UUID) (domain.Pool, error) {
	row, err := findPool(r.DB.WithContext(ctx), id)
	return row.domain(), err
}

// List implements app.Pools.
func (r PoolRepository) List(ctx context.Context, f app.PoolFilter, page app.Page) ([]domain.Pool, error) {
	q := r.DB.WithContext(ctx).Order("pool_id").Limit(page.Limit)
	if f.PrizeID != uuid.Nil {
		q = q.Where("prize_id = ?", f.PrizeID)
	}
	if f.State != "" {
		q = q.Where("state = ?", string(f.State))
	}
	if page.After != "" {
		q = q.Where("pool_id > ?", page.After)
	}
	var rows []poolRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list pools: %w", err)
	}
	out := make([]domain.Pool, len(rows))
	for i, row := range rows {
		out[i] = row.domain()
	}
	return out, nil
}

// Update implements app.Pools.
func (r PoolRepository) Update(ctx context.Context, id uuid.UUID, fn func(*domain.Pool) error) (domain.Pool, error) {
	var out domain.Pool
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := lockPool(tx, id)
		if err != nil {
			return err
		}
		out = row.domain()
		if err := fn(&out); err != nil {
			return err
		}
		updated := toPoolRow(out)
		return tx.Save(&updated).Error
	})
	if err != nil {
		return domain.Pool{}, fmt.Errorf("update pool %s: %w", id, err)
	}
	return out, nil
}

// lockPool reads a pool FOR UPDATE: every change of a pool, its tickets and its events
// happens under this lock, so the outbox keeps the pool's commit order.
func lockPool(tx *gorm.DB, id uuid.UUID) (poolRow, error) {
	return findPool(tx.Clauses(clause.Locking{Strength: "UPDATE"}), id)
}

func findPool(q *gorm.DB, id uuid.UUID) (poolRow, error) {
	var row poolRow
	err := q.Where("pool_id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return row, domain.ErrPoolNotFound(id)
	}
	if err != nil {
		return row, fmt.Errorf("read pool %s: %w", id, err)
	}
	return row, nil
}

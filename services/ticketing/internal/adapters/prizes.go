package adapters

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// PrizeRepository stores prizes in ticketing.prize. Deleted prizes keep their row (their
// drawn pools refer to them) with deleted_at set, and are hidden.
type PrizeRepository struct {
	DB *gorm.DB
}

// Create implements app.Prizes.
func (r PrizeRepository) Create(ctx context.Context, p domain.Prize) error {
	row := toPrizeRow(p)
	if err := r.DB.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create prize %s: %w", p.ID, err)
	}
	return nil
}

// Get implements app.Prizes.
func (r PrizeRepository) Get(ctx context.Context, id uuid.UUID) (domain.Prize, error) {
	row, err := findPrize(r.DB.WithContext(ctx), id)
	return row.domain(), err
}

// List implements app.Prizes.
func (r PrizeRepository) List(ctx context.Context, page app.Page) ([]domain.Prize, error) {
	q := r.DB.WithContext(ctx).Where("deleted_at IS NULL").Order("prize_id").Limit(page.Limit)
	if page.After != "" {
		q = q.Where("prize_id > ?", page.After)
	}
	var rows []prizeRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list prizes: %w", err)
	}
	out := make([]domain.Prize, len(rows))
	for i, row := range rows {
		out[i] = row.domain()
	}
	return out, nil
}

// Update implements app.Prizes.
func (r PrizeRepository) Update(ctx context.Context, id uuid.UUID, fn func(*domain.Prize) error) (domain.Prize, error) {
	var out domain.Prize
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := findPrize(tx.Clauses(clause.Locking{Strength: "UPDATE"}), id)
		if err != nil {
			return err
		}
		out = row.domain()
		if err := fn(&out); err != nil {
			return err
		}
		updated := toPrizeRow(out)
		return tx.Save(&updated).Error
	})
	if err != nil {
		return domain.Prize{}, fmt.Errorf("update prize %s: %w", id, err)
	}
	return out, nil
}

// Delete implements app.Prizes.
func (r PrizeRepository) Delete(ctx context.Context, id uuid.UUID, now time.Time, allow func(activePools int) error) error {
	err := r.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if _, err := findPrize(tx.Clauses(clause.Locking{Strength: "UPDATE"}), id); err != nil {
			return err
		}
		var active int64
		err := tx.Model(&poolRow{}).Where("prize_id = ? AND state IN ?", id,
			[]string{string(domain.StateOpen), string(domain.StateFull), string(domain.StateStarted)}).Count(&active).Error
		if err != nil {
			return err
		}
		if err := allow(int(active)); err != nil {
			return err
		}
		return tx.Model(&prizeRow{}).Where("prize_id = ?", id).Update("deleted_at", now).Error
	})
	if err != nil {
		return fmt.Errorf("delete prize %s: %w", id, err)
	}
	return nil
}

// findPrize reads a live prize, or answers domain.ErrPrizeNotFound.
func findPrize(q *gorm.DB, id uuid.UUID) (prizeRow, error) {
	var row prizeRow
	err := q.Where("prize_id = ? AND deleted_at IS NULL", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return row, domain.ErrPrizeNotFound(id)
	}
	if err != nil {
		return row, fmt.Errorf("read prize %s: %w", id, err)
	}
	return row, nil
}

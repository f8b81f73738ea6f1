package purchases

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// ErrNotFound is the store's answer for a purchase that does not exist.
var ErrNotFound = errors.New("purchase not found")

// Store reads the purchase table (search_path = the api schema); app's commands write it.
type Store struct {
	db *gorm.DB
}

// NewStore returns a store over db.
func NewStore(db *gorm.DB) *Store { return &Store{db: db} }

// Get returns one purchase, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (Purchase, error) {
	return get(ctx, s.db, id, "")
}

// Filter narrows a list of purchases; empty fields do not filter.
type Filter struct {
	UserID  string
	PoolID  string
	Status  string
	AfterID string // the last purchase_id of the previous page
}

// List returns up to limit purchases of f, oldest first (purchase ids are v7 UUIDs).
func (s *Store) List(ctx context.Context, f Filter, limit int) ([]Purchase, error) {
	q := s.db.WithContext(ctx).Table("purchase").Select(columns).Order("purchase_id").Limit(limit)
	if f.UserID != "" {
		q = q.Where("user_id = ?", f.UserID)
	}
	if f.PoolID != "" {
		q = q.Where("pool_id = ?", f.PoolID)
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.AfterID != "" {
		q = q.Where("purchase_id > ?", f.AfterID)
	}
	var out []Purchase
	if err := q.Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("list purchases: %w", err)
	}
	for i := range out {
		out[i] = out[i].utc()
	}
	return out, nil
}

// get reads one purchase, with an optional locking clause.
func get(ctx context.Context, db *gorm.DB, id, lock string) (Purchase, error) {
	var p Purchase
	res := db.WithContext(ctx).Raw(`SELECT `+columns+` FROM purchase WHERE purchase_id = ?`+lock, id).Scan(&p)
	if res.Error != nil {
		return Purchase{}, fmt.Errorf("get purchase %s: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return Purchase{}, ErrNotFound
	}
	return p.utc(), nil
}

// Package adapters holds the draw service's PostgreSQL repositories.
package adapters

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// SeedRepository stores pool seeds in draw.pool_seed.
type SeedRepository struct {
	DB *gorm.DB
}

// Keep implements app.SeedStore. The insert and the read are two statements so that the
// read sees a seed a concurrent request committed while the insert waited for it.
func (r SeedRepository) Keep(ctx context.Context, poolID uuid.UUID, seed, commitment []byte) ([]byte, error) {
	db := r.DB.WithContext(ctx)
	err := db.Exec(`INSERT INTO pool_seed (pool_id, seed, commitment) VALUES (?, ?, ?)
		ON CONFLICT (pool_id) DO NOTHING`, poolID, seed, commitment).Error
	if err != nil {
		return nil, fmt.Errorf("store seed of pool %s: %w", poolID, err)
	}
	var stored []byte
	if err := db.Raw(`SELECT commitment FROM pool_seed WHERE pool_id = ?`, poolID).Row().Scan(&stored); err != nil {
		return nil, fmt.Errorf("read commitment of pool %s: %w", poolID, err)
	}
	if len(stored) == 0 {
		return nil, errors.New("stored commitment is empty")
	}
	return stored, nil
}

// Seed implements app.SeedReader.
func (r SeedRepository) Seed(ctx context.Context, poolID uuid.UUID) ([]byte, error) {
	var seed []byte
	err := r.DB.WithContext(ctx).Raw(`SELECT seed FROM pool_seed WHERE pool_id = ?`, poolID).Row().Scan(&seed)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("pool %s has no seed: it was created without a draw commitment", poolID)
	}
	if err != nil {
		return nil, fmt.Errorf("read seed of pool %s: %w", poolID, err)
	}
	return seed, nil
}

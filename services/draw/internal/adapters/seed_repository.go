// Package adapters holds the draw service's PostgreSQL repositories.
package adapters

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/services/draw/internal/app"
	"tickup.dev/services/draw/internal/domain"
)

// SeedRepository stores pool seeds and draw terms in draw.pool_seed.
type SeedRepository struct {
	DB *gorm.DB
}

// seedRow is a pool_seed row; Terms is its JSON text, nil for a pool committed before
// terms existed.
type seedRow struct {
	Seed       []byte
	Commitment []byte
	Terms      *string
}

// Keep implements app.SeedStore. The insert and the read are two statements so that the
// read sees a seed a concurrent request committed while the insert waited for it.
func (r SeedRepository) Keep(ctx context.Context, poolID uuid.UUID, seed, commitment []byte, terms domain.Terms) (app.Commitment, error) {
	db := r.DB.WithContext(ctx)
	doc, err := json.Marshal(terms)
	if err != nil {
		return app.Commitment{}, fmt.Errorf("encode draw terms of pool %s: %w", poolID, err)
	}
	err = db.Exec(`INSERT INTO pool_seed (pool_id, seed, commitment, terms) VALUES (?, ?, ?, ?::jsonb)
		ON CONFLICT (pool_id) DO NOTHING`, poolID, seed, commitment, string(doc)).Error
	if err != nil {
		return app.Commitment{}, fmt.Errorf("store seed of pool %s: %w", poolID, err)
	}
	row, err := readSeed(db, poolID)
	if err != nil {
		return app.Commitment{}, err
	}
	if len(row.Commitment) == 0 {
		return app.Commitment{}, errors.New("stored commitment is empty")
	}
	stored, err := decodeTerms(row.Terms)
	return app.Commitment{Hash: row.Commitment, Terms: stored}, err
}

// Committed implements app.SeedReader.
func (r SeedRepository) Committed(ctx context.Context, poolID uuid.UUID) (app.PoolSeed, error) {
	row, err := readSeed(r.DB.WithContext(ctx), poolID)
	if err != nil {
		return app.PoolSeed{}, err
	}
	terms, err := decodeTerms(row.Terms)
	return app.PoolSeed{Seed: row.Seed, Terms: terms}, err
}

func readSeed(db *gorm.DB, poolID uuid.UUID) (seedRow, error) {
	var rows []seedRow
	err := db.Raw(`SELECT seed, commitment, terms::text AS terms FROM pool_seed WHERE pool_id = ?`, poolID).Scan(&rows).Error
	if err != nil {
		return seedRow{}, fmt.Errorf("read seed of pool %s: %w", poolID, err)
	}
	if len(rows) == 0 {
		return seedRow{}, fmt.Errorf("pool %s has no seed: it was created without a draw commitment", poolID)
	}
	return rows[0], nil
}

// decodeTerms reads stored terms; nil stays nil (a pool committed before terms existed).
func decodeTerms(doc *string) (*domain.Terms, error) {
	if doc == nil {
		return nil, nil
	}
	var t domain.Terms
	if err := json.Unmarshal([]byte(*doc), &t); err != nil {
		return nil, fmt.Errorf("decode stored draw terms: %w", err)
	}
	return &t, nil
}

package adapters

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/services/draw/internal/app"
	"tickup.dev/services/draw/internal/domain"
)

// DrawRequests implements app.DrawRequests in the unit of work's transaction (Bind).
type DrawRequests struct {
	Tx *gorm.DB
}

// Add implements app.DrawRequests: a pool keeps its first request, and with it the beacon
// round fixed then.
func (r DrawRequests) Add(ctx context.Context, req app.DrawRequest) error {
	err := r.Tx.WithContext(ctx).Exec(`INSERT INTO draw_request (pool_id, full_at, beacon_round)
		VALUES (?, ?, ?) ON CONFLICT (pool_id) DO NOTHING`, req.PoolID, req.FullAt, req.BeaconRound).Error
	if err != nil {
		return fmt.Errorf("store draw request of pool %s: %w", req.PoolID, err)
	}
	return nil
}

// Terms implements app.DrawRequests: the terms kept with the pool's seed.
func (r DrawRequests) Terms(ctx context.Context, poolID uuid.UUID) (*domain.Terms, error) {
	row, err := readSeed(r.Tx.WithContext(ctx), poolID)
	if err != nil {
		return nil, err
	}
	return decodeTerms(row.Terms)
}

package adapters

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/services/draw/internal/app"
)

// DrawRequests implements app.DrawRequests in the caller's transaction.
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

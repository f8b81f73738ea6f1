package adapters

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/services/draw/internal/app"
)

// DrawStore implements app.DrawStore in draw_request, draw, draw_ticket, draw_winner,
// notification and the outbox.
type DrawStore struct {
	DB *gorm.DB
}

// errNoneDue ends the claim transaction when no request is due.
var errNoneDue = errors.New("no draw request due")

// WithDue implements app.DrawStore. The request row stays locked (FOR UPDATE SKIP LOCKED)
// while decide runs, so another replica skips it, and the outcome commits with the lock.
func (s DrawStore) WithDue(ctx context.Context, now time.Time, decide func(context.Context, app.DrawRequest) app.Outcome) (bool, error) {
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		req, err := claimRequest(tx, now)
		if err != nil {
			return err
		}
		out := decide(ctx, req)
		if out.Draw == nil {
			return postpone(tx, req, out)
		}
		return storeDraw(ctx, tx, out.Draw)
	})
	if errors.Is(err, errNoneDue) {
		return false, nil
	}
	if err != nil {
		return true, fmt.Errorf("draw due pool: %w", err)
	}
	return true, nil
}

// requestRow is a draw_request row.
type requestRow struct {
	PoolID      uuid.UUID
	FullAt      time.Time
	BeaconRound *int64
	Attempts    int
}

func claimRequest(tx *gorm.DB, now time.Time) (app.DrawRequest, error) {
	var rows []requestRow
	err := tx.Raw(`SELECT pool_id, full_at, beacon_round, attempts FROM draw_request
		WHERE drawn_at IS NULL AND next_attempt_at <= ?
		ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED`, now).Scan(&rows).Error
	if err != nil {
		return app.DrawRequest{}, fmt.Errorf("claim draw request: %w", err)
	}
	if len(rows) == 0 {
		return app.DrawRequest{}, errNoneDue
	}
	r := rows[0]
	req := app.DrawRequest{PoolID: r.PoolID, FullAt: r.FullAt, Attempts: r.Attempts}
	if r.BeaconRound != nil {
		round := uint64(*r.BeaconRound)
		req.BeaconRound = &round
	}
	return req, nil
}

// postpone records a failed or waiting attempt and when to try again.
func postpone(tx *gorm.DB, req app.DrawRequest, out app.Outcome) error {
	err := tx.Exec(`UPDATE draw_request SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE pool_id = ?`,
		out.Attempts, out.RetryAt, out.Reason, req.PoolID).Error
	if err != nil {
		return fmt.Errorf("postpone draw of pool %s: %w", req.PoolID, err)
	}
	return nil
}

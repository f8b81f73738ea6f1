package idempotency

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// purgeBatch bounds one DELETE so that a large backlog never holds long locks.
const purgeBatch = 5000

// Purge deletes the keys older than the TTL and returns how many went.
func (s *Store) Purge(ctx context.Context) (int64, error) {
	var total int64
	for {
		res := s.db.WithContext(ctx).Exec(`DELETE FROM idempotency_key WHERE ctid IN (
			SELECT ctid FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?) LIMIT ?)`,
			s.policy.TTL.Seconds(), purgeBatch)
		if res.Error != nil {
			return total, fmt.Errorf("purge idempotency keys: %w", res.Error)
		}
		total += res.RowsAffected
		if res.RowsAffected < purgeBatch {
			return total, nil
		}
	}
}

// RunSweeper purges expired keys every SweepEvery until ctx is cancelled; run it with
// rt.Go. A failed purge is logged and tried again next time.
func (s *Store) RunSweeper(ctx context.Context, log *slog.Logger) error {
	ticker := time.NewTicker(s.policy.SweepEvery)
	defer ticker.Stop()
	for {
		if n, err := s.Purge(ctx); err != nil && ctx.Err() == nil {
			log.WarnContext(ctx, "idempotency sweep failed", "err", err)
		} else if n > 0 {
			log.InfoContext(ctx, "idempotency keys expired", "count", n)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}

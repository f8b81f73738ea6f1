package purchases

import (
	"context"
	"log/slog"
	"time"

	"gorm.io/gorm"
)

// expiryBatch bounds one expiry transaction, so a large backlog never holds many row locks.
const expiryBatch = 500

// ExpirySweeper fails, every interval until ctx is done, the wallet-paid purchases still
// PENDING past their hold deadline (purchase.failed, reason hold-expired); the wallet
// releases their holds on that event. Every replica may run it.
func ExpirySweeper(db *gorm.DB, interval time.Duration, log *slog.Logger) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
				n, err := ExpireHolds(ctx, db)
				if err != nil && ctx.Err() == nil {
					log.Warn("failing purchases past their hold deadline failed", "err", err)
				}
				if n > 0 {
					log.Info("purchases failed at their hold deadline", "count", n)
				}
			}
		}
	}
}

// ExpireHolds fails every purchase PENDING past its hold deadline, a batch per
// transaction, and returns how many it failed.
func ExpireHolds(ctx context.Context, db *gorm.DB) (int, error) {
	total := 0
	for {
		var n int
		err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			var err error
			n, err = expireHolds(ctx, tx, expiryBatch)
			return err
		})
		total += n
		if err != nil || n < expiryBatch {
			return total, err
		}
	}
}

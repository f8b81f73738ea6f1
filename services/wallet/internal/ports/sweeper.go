package ports

import (
	"context"
	"log/slog"
	"time"

	"tickup.dev/services/wallet/internal/app"
)

// Sweeper releases expired holds every interval until ctx is done. Replicas may all run it:
// each release skips holds another transaction has locked.
func Sweeper(a *app.App, interval time.Duration, log *slog.Logger) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
				n, err := a.ReleaseExpiredHolds(ctx)
				if err != nil && ctx.Err() == nil {
					log.Warn("releasing expired holds failed", "err", err)
				}
				if n > 0 {
					log.Info("expired holds released", "count", n)
				}
			}
		}
	}
}

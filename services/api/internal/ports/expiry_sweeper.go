package ports

import (
	"context"
	"log/slog"
	"time"

	"tickup.dev/services/api/internal/app"
)

// ExpirySweeper runs the application's ExpireHolds every interval until ctx is done: the
// wallet-paid purchases still PENDING past their hold deadline fail (hold-expired). Every
// replica may run it.
func ExpirySweeper(a *app.Application, interval time.Duration, log *slog.Logger) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
				n, err := a.Commands.ExpireHolds.Handle(ctx)
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

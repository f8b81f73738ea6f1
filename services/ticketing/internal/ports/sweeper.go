package ports

import (
	"context"
	"log/slog"
	"time"

	"tickup.dev/services/ticketing/internal/app"
)

// Sweeper runs the deadline sweep every Every until ctx is cancelled.
type Sweeper struct {
	Sweep app.SweepDeadlines
	Every time.Duration
	Log   *slog.Logger
}

// Run is a runtime component (rt.Go). A failed sweep is logged and tried again next tick.
func (s Sweeper) Run(ctx context.Context) error {
	t := time.NewTicker(s.Every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			n, err := s.Sweep.Handle(ctx)
			if err != nil && ctx.Err() == nil {
				s.Log.Warn("deadline sweep failed", "err", err)
			}
			if n > 0 {
				s.Log.Info("pools past their deadline cancelled", "count", n)
			}
		}
	}
}

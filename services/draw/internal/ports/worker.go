package ports

import (
	"context"
	"log/slog"
	"time"
)

// Worker runs a step function while it finds work, then waits for a wake-up or the next
// poll. Replicas each run one; the steps' SKIP LOCKED claims keep them apart.
type Worker struct {
	Name string
	Step func(ctx context.Context) (bool, error)
	Poll time.Duration
	Wake <-chan struct{} // optional hint that work may be due
	Log  *slog.Logger
}

// Run runs until ctx is cancelled.
func (w Worker) Run(ctx context.Context) error {
	t := time.NewTicker(w.Poll)
	defer t.Stop()
	for {
		w.drain(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-w.Wake:
		}
	}
}

// drain runs steps until none finds work; a failing step waits for the next round.
func (w Worker) drain(ctx context.Context) {
	for ctx.Err() == nil {
		found, err := w.Step(ctx)
		if err != nil {
			if ctx.Err() == nil { // a step cut short by shutdown is retried by the next start
				w.Log.Warn("worker step failed", "worker", w.Name, "err", err)
			}
			return
		}
		if !found {
			return
		}
	}
}

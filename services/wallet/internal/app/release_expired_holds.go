package app

import "context"

// sweepBatch bounds one release statement, so a large backlog never holds many locks at once.
const sweepBatch = 500

// ReleaseExpiredHolds releases ACTIVE holds past their expiry — only holds of purchases that
// never became confirmed have one — and returns how many it released.
func (a *App) ReleaseExpiredHolds(ctx context.Context) (int64, error) {
	var total int64
	for {
		n, err := a.store.ReleaseExpiredHolds(ctx, sweepBatch)
		total += n
		if err != nil || n < sweepBatch {
			return total, err
		}
	}
}

package app

import (
	"context"
	"log/slog"

	"tickup.dev/services/api/internal/domain/purchase"
)

// expiryBatch bounds one expiry transaction, so a large backlog never holds many row locks.
const expiryBatch = 500

// ExpireHolds fails the wallet-paid purchases still PENDING past their hold deadline
// (purchase.failed, reason hold-expired), a batch per transaction; the wallet releases
// their holds on that event. Replicas may run it side by side: each skips the purchases
// another holds, and a purchase confirmed meanwhile is no longer PENDING.
type ExpireHolds struct {
	tx  Transactor
	log *slog.Logger
}

// Handle fails every purchase PENDING past its deadline and returns how many it failed.
func (h ExpireHolds) Handle(ctx context.Context) (int, error) {
	total := 0
	for {
		found, failed := 0, 0
		err := h.tx.Atomically(ctx, func(ctx context.Context, u UnitOfWork) error {
			var err error
			found, err = u.Purchases.UpdateExpired(ctx, expiryBatch, func(p *purchase.Purchase) error {
				outcome, err := advance(ctx, h.log, u, p, purchase.HoldDeadlinePassed{}, Source{})
				if outcome == purchase.HoldExpired {
					failed++
				}
				return err
			})
			return err
		})
		if err == nil {
			total += failed
		}
		if err != nil || found < expiryBatch {
			return total, err
		}
	}
}

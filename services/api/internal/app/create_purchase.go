package app

import (
	"context"
	"time"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/domain/purchase"
)

// DefaultHoldTTL is a wallet-paid purchase's hold deadline after its creation, unless the
// configuration (holds.ttl) sets another.
const DefaultHoldTTL = 10 * time.Minute

// CreatePurchase stores a purchase PENDING with its purchase.created event, the saga's
// first step. A wallet-paid purchase gets its hold deadline on the database's clock, the
// one clock that every expiry decision reads.
type CreatePurchase struct {
	tx      Transactor
	holdTTL time.Duration
}

// Handle stores p (checked against its pool by the caller) and returns it as stored.
func (h CreatePurchase) Handle(ctx context.Context, p purchase.Purchase) (purchase.Purchase, error) {
	var out purchase.Purchase
	err := h.tx.Atomically(ctx, func(ctx context.Context, u UnitOfWork) error {
		var err error
		if out, err = u.Purchases.Create(ctx, p, h.holdTTL); err != nil {
			return err
		}
		return u.Outbox.Add(ctx, out.ID, events.PurchaseCreated(payload(out)))
	})
	return out, err
}

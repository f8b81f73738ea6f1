package ports

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// Reversals consumes api.purchase.refunded and api.purchase.disputed; it acts only on those
// where the payment provider gave the card payment back (Tickup's own refunds follow from
// ticketing's events and need nothing more).
type Reversals struct {
	// Void returns the use case bound to the inbox transaction tx.
	Void func(tx *gorm.DB) app.VoidReversed
}

// Handle is an inbox.Func.
func (c Reversals) Handle(ctx context.Context, tx *gorm.DB, d bus.Delivery) error {
	e, err := events.Decode[events.PurchaseRefunded](d.Data)
	if err != nil {
		return bus.Poison(fmt.Errorf("%s %s: %w", d.Type, d.ID, err))
	}
	if !events.ProviderReturnedMoney(e.ProviderReversal) {
		return nil
	}
	f := domain.Fields{}
	pu := domain.Purchase{PurchaseID: requiredID(f, "purchase_id", e.PurchaseID), UserID: requiredID(f, "user_id", e.UserID),
		PoolID: requiredID(f, "pool_id", e.PoolID), Type: e.Type, AmountCents: e.AmountCents, Currency: e.Currency,
		PaymentMethod: e.PaymentMethod}
	if err := f.Err(); err != nil {
		return bus.Poison(fmt.Errorf("%s %s: %w %v", d.Type, d.ID, err, f))
	}
	return c.Void(tx).Handle(ctx, domain.Reversal{Purchase: pu, Reason: e.ProviderReversal})
}

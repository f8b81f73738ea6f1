package app

import (
	"testing"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/domain/purchase"
)

func TestStatusEvents(t *testing.T) {
	t.Parallel()
	p := purchase.Purchase{ID: "p", UserID: "u", PoolID: "pool", Type: events.PurchaseEntry, AmountCents: 500,
		Currency: "EUR", Method: purchase.MethodWallet, FailureReason: "why"}
	for status, want := range map[string]events.Type{purchase.StatusPending: events.TypePurchaseCreated,
		purchase.StatusConfirmed: events.TypePurchaseConfirmed, purchase.StatusFailed: events.TypePurchaseFailed,
		purchase.StatusRefunded: events.TypePurchaseRefunded, purchase.StatusDisputed: events.TypePurchaseDisputed} {
		p.Status = status
		ev := statusEvent(p, events.ReversalRefund)
		if ev.EventType() != want.String() {
			t.Errorf("%s announces %s, want %s", status, ev.EventType(), want)
		}
		if _, err := events.Encode(ev); err != nil {
			t.Errorf("%s: %v", status, err)
		}
	}
}

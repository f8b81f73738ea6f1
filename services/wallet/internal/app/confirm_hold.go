package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// ConfirmHold records that the api confirmed a wallet-paid purchase before its hold
// deadline (its expires_at is cleared): from now on only a capture or a rejection ends it.
// The wallet never releases a purchase's hold on its own clock, so a confirmed hold is
// always capturable. Triggered by purchase.confirmed.
type ConfirmHold struct{ deps }

// Handle confirms the hold of purchase p.
func (h ConfirmHold) Handle(ctx context.Context, p Purchase) error {
	if !walletPaid(p.Method) {
		return nil
	}
	return h.store.InTx(ctx, func(st Books) error {
		ph, err := h.lockPurchase(ctx, st, p.UserID, p.PurchaseID)
		if err != nil {
			return err
		}
		if !ph.found {
			h.log.Warn("purchase confirmed without a hold", "purchase_id", p.PurchaseID)
			return nil
		}
		if ph.hold.Status == domain.HoldReleased {
			h.log.Error("purchase confirmed after its hold was released; it cannot be captured",
				"purchase_id", p.PurchaseID, "hold_id", ph.hold.HoldID, "release_reason", ph.hold.ReleaseReason)
			return nil
		}
		if !ph.hold.Confirm(h.now()) {
			return nil
		}
		return st.SaveHold(ctx, ph.hold)
	})
}

package app

import (
	"context"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// PurchaseConfirmed records that the api confirmed a wallet-paid purchase before its hold
// deadline (its expires_at is cleared): from now on only a capture or a rejection ends it.
// The wallet never releases a purchase's hold on its own clock, so a confirmed hold is
// always capturable.
func (a *App) PurchaseConfirmed(ctx context.Context, st *adapters.Store, p Purchase) error {
	if !walletPaid(p.Method) {
		return nil
	}
	ph, err := a.lockPurchase(ctx, st, p.UserID, p.PurchaseID)
	if err != nil {
		return err
	}
	if !ph.found {
		a.log.Warn("purchase confirmed without a hold", "purchase_id", p.PurchaseID)
		return nil
	}
	if ph.hold.Status == domain.HoldReleased {
		a.log.Error("purchase confirmed after its hold was released; it cannot be captured",
			"purchase_id", p.PurchaseID, "hold_id", ph.hold.HoldID, "release_reason", ph.hold.ReleaseReason)
		return nil
	}
	if !ph.hold.Confirm(a.now()) {
		return nil
	}
	return st.SaveHold(ctx, ph.hold)
}

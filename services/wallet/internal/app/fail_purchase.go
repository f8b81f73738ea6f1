package app

import (
	"context"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// PurchaseFailed releases a failed wallet-paid purchase's hold if it is still active. If the
// failure overtakes purchase.created, the purchase is recorded as refused so that a late
// purchase.created cannot reserve funds for it.
func (a *App) PurchaseFailed(ctx context.Context, st *adapters.Store, p Purchase) error {
	if !walletPaid(p.Method) {
		return nil
	}
	acct, err := st.EnsureAccount(ctx, p.UserID, a.cfg.DefaultCurrency)
	if err != nil {
		return err
	}
	hold, found, err := st.LockHold(ctx, "purchase_id", p.PurchaseID)
	if err != nil {
		return err
	}
	if !found {
		return a.recordFailed(ctx, st, acct, p)
	}
	if !hold.Release("purchase failed", a.now()) {
		return nil
	}
	return st.SaveHold(ctx, hold)
}

func (a *App) recordFailed(ctx context.Context, st *adapters.Store, acct domain.Account, p Purchase) error {
	if p.AmountCents <= 0 || !domain.ValidCurrency(p.Currency) {
		return nil
	}
	id, err := newID()
	if err != nil {
		return err
	}
	return st.InsertHold(ctx, domain.NewRefusedHold(id, acct, p.PurchaseID, p.PoolID, p.AmountCents, p.Currency,
		"purchase failed before its hold was placed", a.now()))
}

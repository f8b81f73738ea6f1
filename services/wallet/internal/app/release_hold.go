package app

import (
	"context"

	"tickup.dev/services/wallet/internal/domain"
)

// ReleaseHold releases a failed wallet-paid purchase's hold if it is still active. If the
// failure overtakes the hold, the purchase is recorded as refused so that a late request to
// place its hold cannot reserve funds for it. Triggered by purchase.failed.
type ReleaseHold struct{ deps }

// Handle releases the hold of the failed purchase p.
func (h ReleaseHold) Handle(ctx context.Context, p Purchase) error {
	if !walletPaid(p.Method) {
		return nil
	}
	return h.store.InTx(ctx, func(st Books) error {
		acct, err := st.EnsureAccount(ctx, p.UserID, h.cfg.DefaultCurrency)
		if err != nil {
			return err
		}
		hold, found, err := st.LockHold(ctx, "purchase_id", p.PurchaseID)
		if err != nil {
			return err
		}
		if !found {
			return h.refuseLater(ctx, st, acct, p)
		}
		if !hold.Release("purchase failed", h.now()) {
			return nil
		}
		return st.SaveHold(ctx, hold)
	})
}

func (h ReleaseHold) refuseLater(ctx context.Context, st Books, acct domain.Account, p Purchase) error {
	if p.AmountCents <= 0 || !domain.ValidCurrency(p.Currency) {
		return nil
	}
	id, err := newID()
	if err != nil {
		return err
	}
	return st.InsertHold(ctx, domain.NewRefusedHold(id, acct, p.PurchaseID, p.PoolID, p.AmountCents, p.Currency,
		"purchase failed before its hold was placed", h.now()))
}

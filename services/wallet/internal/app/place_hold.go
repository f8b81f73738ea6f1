package app

import (
	"context"
	"errors"
	"time"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/domain"
)

// PlaceHold reserves a wallet-paid purchase's amount under the wallet's row lock
// (wallet.hold.placed) or refuses it (wallet.hold.rejected). Each purchase is decided once:
// a refusal is kept as a RELEASED hold, so a repeated request changes nothing and the
// purchase can never be captured. A placed hold stays ACTIVE until captured for its ticket
// or released when the purchase fails or its ticket is rejected: its expires_at is the
// api's deadline, which only the api acts on. Triggered by purchase.created.
type PlaceHold struct{ deps }

// Handle places or refuses the hold of purchase p.
func (h PlaceHold) Handle(ctx context.Context, p Purchase) error {
	if !walletPaid(p.Method) {
		return nil
	}
	return h.store.InTx(ctx, func(st Books) error {
		acct, err := st.EnsureAccount(ctx, p.UserID, h.cfg.DefaultCurrency)
		if err != nil {
			return err
		}
		if _, decided, err := st.LockHold(ctx, "purchase_id", p.PurchaseID); err != nil || decided {
			return err
		}
		if why := acct.CanReserve(p.AmountCents, p.Currency); why != nil {
			return h.refuse(ctx, st, acct, p, why)
		}
		id, err := newID()
		if err != nil {
			return err
		}
		hold := domain.NewPurchaseHold(id, acct, p.PurchaseID, p.PoolID, p.AmountCents, h.deadline(p))
		if err := st.InsertHold(ctx, hold); err != nil {
			return err
		}
		return st.Emit(ctx, acct.WalletID, holdPlaced(acct, hold))
	})
}

// deadline is the api's deadline for p, shown on the hold; the wallet never acts on it
// (the api fails the purchase then, and the wallet releases the hold).
func (h PlaceHold) deadline(p Purchase) time.Time {
	if p.HoldExpiresAt != nil {
		return p.HoldExpiresAt.UTC()
	}
	return h.now().Add(h.cfg.HoldTTL)
}

func (h PlaceHold) refuse(ctx context.Context, st Books, acct domain.Account, p Purchase, why error) error {
	code := rejectionCode(why)
	h.log.Info("hold rejected", "purchase_id", p.PurchaseID, "wallet_id", acct.WalletID, "reason", why)
	if p.AmountCents > 0 && domain.ValidCurrency(p.Currency) {
		id, err := newID()
		if err != nil {
			return err
		}
		refused := domain.NewRefusedHold(id, acct, p.PurchaseID, p.PoolID, p.AmountCents, p.Currency, "rejected: "+code, h.now())
		if err := st.InsertHold(ctx, refused); err != nil {
			return err
		}
	}
	return st.Emit(ctx, acct.WalletID, holdRejected(acct, p, code))
}

// rejectionCode is the wallet.hold.rejected reason for why.
func rejectionCode(why error) string {
	switch {
	case errors.Is(why, domain.ErrSuspended):
		return events.HoldRejectedWalletSuspended
	case errors.Is(why, domain.ErrCurrencyMismatch):
		return events.HoldRejectedCurrencyMismatch
	case errors.Is(why, domain.ErrInvalidAmount):
		return events.HoldRejectedInvalidAmount
	}
	return events.HoldRejectedInsufficientFunds
}

package app

import (
	"context"
	"errors"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// WalletView is a wallet with its active holds, read from one snapshot.
type WalletView struct {
	Account domain.Account
	Holds   []domain.Hold
}

// Wallet returns the user's wallet and active holds, creating the wallet on first use.
func (a *App) Wallet(ctx context.Context, userID string) (WalletView, error) {
	view, err := a.readWallet(ctx, userID)
	if !errors.Is(err, domain.ErrNotFound) {
		return view, err
	}
	err = a.store.InTx(ctx, func(st *adapters.Store) error {
		_, err := st.EnsureAccount(ctx, userID, a.cfg.DefaultCurrency)
		return err
	})
	if err != nil {
		return WalletView{}, err
	}
	return a.readWallet(ctx, userID)
}

func (a *App) readWallet(ctx context.Context, userID string) (WalletView, error) {
	var view WalletView
	err := a.store.InSnapshot(ctx, func(st *adapters.Store) error {
		var err error
		if view.Account, err = st.Account(ctx, "user_id", userID); err != nil {
			return err
		}
		view.Holds, err = st.ActiveHolds(ctx, view.Account.WalletID)
		return err
	})
	return view, err
}

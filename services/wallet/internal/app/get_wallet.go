package app

import (
	"context"
	"errors"

	"tickup.dev/services/wallet/internal/domain"
)

// WalletView is a wallet with its active holds, read from one snapshot.
type WalletView struct {
	Account domain.Account
	Holds   []domain.Hold
}

// GetWallet returns the user's wallet and active holds, creating the wallet on first use.
type GetWallet struct{ deps }

// Handle returns userID's wallet.
func (h GetWallet) Handle(ctx context.Context, userID string) (WalletView, error) {
	view, err := h.read(ctx, userID)
	if !errors.Is(err, domain.ErrNotFound) {
		return view, err
	}
	err = h.store.InTx(ctx, func(st Books) error {
		_, err := st.EnsureAccount(ctx, userID, h.cfg.DefaultCurrency)
		return err
	})
	if err != nil {
		return WalletView{}, err
	}
	return h.read(ctx, userID)
}

func (h GetWallet) read(ctx context.Context, userID string) (WalletView, error) {
	var view WalletView
	err := h.store.InSnapshot(ctx, func(st Books) error {
		var err error
		if view.Account, err = st.Account(ctx, "user_id", userID); err != nil {
			return err
		}
		view.Holds, err = st.ActiveHolds(ctx, view.Account.WalletID)
		return err
	})
	return view, err
}

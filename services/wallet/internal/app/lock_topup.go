package app

import (
	"context"
	"errors"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// lockTopup locks a top-up's wallet and then the top-up (wallets before requests, always).
func (d deps) lockTopup(ctx context.Context, st Books, id string) (domain.Account, domain.Topup, error) {
	t, err := st.Topup(ctx, id, false)
	if err != nil {
		return domain.Account{}, domain.Topup{}, err
	}
	acct, err := st.LockAccount(ctx, "wallet_id", t.WalletID)
	if err != nil {
		return domain.Account{}, domain.Topup{}, err
	}
	t, err = st.Topup(ctx, id, true)
	return acct, t, err
}

// lockTopupFor locks the top-up a provider report names; an unknown top-up is inconsistent.
func (d deps) lockTopupFor(ctx context.Context, st Books, id string) (domain.Account, domain.Topup, error) {
	acct, t, err := d.lockTopup(ctx, st, id)
	if errors.Is(err, domain.ErrNotFound) {
		return acct, t, fmt.Errorf("%w: %w", domain.ErrInconsistent, err)
	}
	return acct, t, err
}

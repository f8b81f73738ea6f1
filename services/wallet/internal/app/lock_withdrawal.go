package app

import (
	"context"
	"errors"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// lockWithdrawal locks a withdrawal's wallet and then the withdrawal.
func (d deps) lockWithdrawal(ctx context.Context, st Books, id string) (domain.Account, domain.Withdrawal, error) {
	w, err := st.Withdrawal(ctx, id, false)
	if err != nil {
		return domain.Account{}, domain.Withdrawal{}, err
	}
	acct, err := st.LockAccount(ctx, "wallet_id", w.WalletID)
	if err != nil {
		return domain.Account{}, domain.Withdrawal{}, err
	}
	w, err = st.Withdrawal(ctx, id, true)
	return acct, w, err
}

// lockWithdrawalFor locks the withdrawal a provider report names; an unknown one is inconsistent.
func (d deps) lockWithdrawalFor(ctx context.Context, st Books, id string) (domain.Account, domain.Withdrawal, error) {
	acct, w, err := d.lockWithdrawal(ctx, st, id)
	if errors.Is(err, domain.ErrNotFound) {
		return acct, w, fmt.Errorf("%w: %w", domain.ErrInconsistent, err)
	}
	return acct, w, err
}

// changeWithdrawal runs change on the locked withdrawal and its locked wallet in a new
// transaction and saves the withdrawal.
func (d deps) changeWithdrawal(ctx context.Context, id string,
	change func(Books, domain.Account, *domain.Withdrawal) error) (domain.Withdrawal, error) {
	var w domain.Withdrawal
	err := d.store.InTx(ctx, func(st Books) error {
		acct, locked, err := d.lockWithdrawal(ctx, st, id)
		if err != nil {
			return err
		}
		if err := change(st, acct, &locked); err != nil {
			return err
		}
		w = locked
		return st.SaveWithdrawal(ctx, w)
	})
	return w, err
}

// releaseWithdrawalHold releases the hold of a withdrawal that ends without paying out.
func (d deps) releaseWithdrawalHold(ctx context.Context, st Books, w domain.Withdrawal, why string) error {
	hold, found, err := st.LockHold(ctx, "hold_id", w.HoldID)
	if err != nil || !found {
		return err
	}
	if !hold.Release(why, d.now()) {
		return nil
	}
	return st.SaveHold(ctx, hold)
}

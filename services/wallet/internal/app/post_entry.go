package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// post appends e to acct's ledger and, when e is POSTED, moves the cached balance in the same
// transaction and announces it. It reports false when e's reference was booked before (a
// second capture, refund, payout or top-up credit is skipped by the database).
func (a *App) post(ctx context.Context, st *adapters.Store, acct domain.Account, e *domain.Entry) (bool, error) {
	fresh, err := st.AppendEntry(ctx, e)
	if err != nil || !fresh {
		return fresh, err
	}
	if e.Status != domain.EntryPosted {
		return true, nil
	}
	return true, a.applyPosted(ctx, st, acct, *e)
}

// applyPosted moves the cached balance by an entry that just became POSTED and emits
// wallet.entry.posted.
func (a *App) applyPosted(ctx context.Context, st *adapters.Store, acct domain.Account, e domain.Entry) error {
	balance, err := st.AddToBalance(ctx, acct.WalletID, e.Signed())
	if err != nil {
		return err
	}
	return st.Emit(ctx, acct.WalletID, entryPosted(acct, e, balance))
}

// mustPost posts an entry whose reference cannot have been booked before (the caller holds
// the lock that guards it); finding it booked means the records disagree.
func (a *App) mustPost(ctx context.Context, st *adapters.Store, acct domain.Account, e *domain.Entry) error {
	fresh, err := a.post(ctx, st, acct, e)
	if err != nil {
		return err
	}
	if !fresh {
		return fmt.Errorf("%w: %s %s of wallet %s was booked before", domain.ErrInconsistent, e.Reason, e.Direction, acct.WalletID)
	}
	return nil
}

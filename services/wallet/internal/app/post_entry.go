package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// post appends e to acct's ledger and, when e is POSTED, moves the cached balance in the same
// transaction and announces it. It reports false when e's reference was booked before (a
// second capture, refund, payout or top-up credit is skipped by the database).
func (d deps) post(ctx context.Context, st Books, acct domain.Account, e *domain.Entry) (bool, error) {
	fresh, err := st.AppendEntry(ctx, e)
	if err != nil || !fresh {
		return fresh, err
	}
	if e.Status != domain.EntryPosted {
		return true, nil
	}
	return true, d.applyPosted(ctx, st, acct, *e)
}

// applyPosted moves the cached balance by an entry that just became POSTED and emits
// wallet.entry.posted.
func (d deps) applyPosted(ctx context.Context, st Books, acct domain.Account, e domain.Entry) error {
	balance, err := st.AddToBalance(ctx, acct.WalletID, e.Signed())
	if err != nil {
		return err
	}
	return st.Emit(ctx, acct.WalletID, entryPosted(acct, e, balance))
}

// mustPost posts an entry whose reference cannot have been booked before (the caller holds
// the lock that guards it); finding it booked means the records disagree.
func (d deps) mustPost(ctx context.Context, st Books, acct domain.Account, e *domain.Entry) error {
	fresh, err := d.post(ctx, st, acct, e)
	if err != nil {
		return err
	}
	if !fresh {
		return fmt.Errorf("%w: %s %s of wallet %s was booked before", domain.ErrInconsistent, e.Reason, e.Direction, acct.WalletID)
	}
	return nil
}

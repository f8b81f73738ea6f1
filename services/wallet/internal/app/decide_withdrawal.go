package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// Decision is an admin's approval or rejection of a withdrawal.
type Decision struct {
	Actor        string
	WithdrawalID string
	Reason       string
}

// ApproveWithdrawal sends a REQUESTED withdrawal to the provider: PROCESSING, with a DEBIT
// WITHDRAWAL PENDING entry. The hold keeps the amount reserved until the provider answers.
// The approver is a second person: neither who requested it nor the wallet's owner.
func (a *App) ApproveWithdrawal(ctx context.Context, d Decision) (domain.Withdrawal, error) {
	return a.changeWithdrawal(ctx, d.WithdrawalID, func(st *adapters.Store, acct domain.Account, w *domain.Withdrawal) error {
		if err := w.Decidable(); err != nil {
			return err
		}
		if err := w.ApprovableBy(d.Actor); err != nil {
			return err
		}
		if acct.Status != domain.AccountActive {
			return fmt.Errorf("%w: wallet %s cannot withdraw", domain.ErrSuspended, acct.WalletID)
		}
		if err := a.recheckFunds(ctx, st, acct, *w); err != nil { // the request's check may be stale
			return err
		}
		e := domain.NewEntry(acct, domain.Debit, domain.ReasonWithdrawal, w.AmountCents, true, a.now())
		e.RefWithdrawalID, e.Actor, e.Note = w.WithdrawalID, d.Actor, "withdrawal to "+w.Destination
		if err := a.mustPost(ctx, st, acct, &e); err != nil {
			return err
		}
		w.Approve(d.Actor, e.EntryID, a.now())
		return nil
	})
}

// RejectWithdrawal refuses a REQUESTED withdrawal and releases its hold.
func (a *App) RejectWithdrawal(ctx context.Context, d Decision) (domain.Withdrawal, error) {
	return a.changeWithdrawal(ctx, d.WithdrawalID, func(st *adapters.Store, _ domain.Account, w *domain.Withdrawal) error {
		if err := w.Reject(d.Actor, d.Reason, a.now()); err != nil {
			return err
		}
		return a.releaseWithdrawalHold(ctx, st, *w, "withdrawal rejected")
	})
}

// CancelWithdrawal cancels the user's REQUESTED withdrawal and releases its hold.
func (a *App) CancelWithdrawal(ctx context.Context, userID, withdrawalID string) (domain.Withdrawal, error) {
	return a.changeWithdrawal(ctx, withdrawalID, func(st *adapters.Store, _ domain.Account, w *domain.Withdrawal) error {
		if w.UserID != userID {
			return fmt.Errorf("withdrawal %s: %w", withdrawalID, domain.ErrNotFound)
		}
		if err := w.Cancel(a.now()); err != nil {
			return err
		}
		return a.releaseWithdrawalHold(ctx, st, *w, "withdrawal cancelled")
	})
}

// changeWithdrawal runs change on the locked withdrawal and its locked wallet in a new
// transaction and saves the withdrawal.
func (a *App) changeWithdrawal(ctx context.Context, id string,
	change func(*adapters.Store, domain.Account, *domain.Withdrawal) error) (domain.Withdrawal, error) {
	var w domain.Withdrawal
	err := a.store.InTx(ctx, func(st *adapters.Store) error {
		acct, locked, err := a.lockWithdrawal(ctx, st, id)
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

// lockWithdrawal locks a withdrawal's wallet and then the withdrawal.
func (a *App) lockWithdrawal(ctx context.Context, st *adapters.Store, id string) (domain.Account, domain.Withdrawal, error) {
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

func (a *App) releaseWithdrawalHold(ctx context.Context, st *adapters.Store, w domain.Withdrawal, why string) error {
	hold, found, err := st.LockHold(ctx, "hold_id", w.HoldID)
	if err != nil || !found {
		return err
	}
	if !hold.Release(why, a.now()) {
		return nil
	}
	return st.SaveHold(ctx, hold)
}

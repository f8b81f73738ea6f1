package app

import (
	"context"
	"fmt"

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
type ApproveWithdrawal struct{ deps }

// Handle approves the withdrawal d names.
func (h ApproveWithdrawal) Handle(ctx context.Context, d Decision) (domain.Withdrawal, error) {
	return h.changeWithdrawal(ctx, d.WithdrawalID, func(st Books, acct domain.Account, w *domain.Withdrawal) error {
		if err := w.Decidable(); err != nil {
			return err
		}
		if err := w.ApprovableBy(d.Actor); err != nil {
			return err
		}
		if acct.Status != domain.AccountActive {
			return fmt.Errorf("%w: wallet %s cannot withdraw", domain.ErrSuspended, acct.WalletID)
		}
		if err := h.recheckFunds(ctx, st, acct, *w); err != nil { // the request's check may be stale
			return err
		}
		e := domain.NewEntry(acct, domain.Debit, domain.ReasonWithdrawal, w.AmountCents, true, h.now())
		e.RefWithdrawalID, e.Actor, e.Note = w.WithdrawalID, d.Actor, "withdrawal to "+w.Destination
		if err := h.mustPost(ctx, st, acct, &e); err != nil {
			return err
		}
		w.Approve(d.Actor, e.EntryID, h.now())
		return nil
	})
}

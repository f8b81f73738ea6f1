package app

import (
	"context"
	"strings"

	"tickup.dev/services/wallet/internal/domain"
)

// Reversal is an admin's reversal of a ledger entry.
type Reversal struct {
	Actor   string
	EntryID int64
	Reason  string
}

// ReverseEntry moves a POSTED or PENDING entry to REVERSED with the admin's reason; a reversed
// POSTED entry no longer counts, so the cached balance moves back in the same transaction.
// domain.CanReverse decides what may be reversed: never a withdrawal's debit, never a credit
// the balance less its active holds cannot cover, never a capture its purchase got back.
type ReverseEntry struct{ deps }

// Handle reverses the entry in names.
func (h ReverseEntry) Handle(ctx context.Context, in Reversal) (domain.Entry, error) {
	v := domain.Validation{}
	v.Require(strings.TrimSpace(in.Actor) != "", "actor", "is required: reversals are admin operations")
	v.Require(in.EntryID > 0, "entry_id", "is required")
	v.Require(strings.TrimSpace(in.Reason) != "", "reason", "is required")
	if err := v.Err(); err != nil {
		return domain.Entry{}, err
	}
	var e domain.Entry
	err := h.store.InTx(ctx, func(st Books) error {
		var err error
		if e, err = st.Entry(ctx, in.EntryID); err != nil {
			return err
		}
		acct, err := st.LockAccount(ctx, "wallet_id", e.WalletID)
		if err != nil {
			return err
		}
		if e, err = st.LockEntry(ctx, in.EntryID); err != nil {
			return err
		}
		return h.reverse(ctx, st, acct, &e, in)
	})
	return e, err
}

func (h ReverseEntry) reverse(ctx context.Context, st Books, acct domain.Account, e *domain.Entry, in Reversal) error {
	money, err := st.PurchaseMoney(ctx, e.RefPurchaseID)
	if err != nil {
		return err
	}
	if err := domain.CanReverse(acct, *e, money); err != nil {
		return err
	}
	delta, err := e.Reverse(strings.TrimSpace(in.Reason), strings.TrimSpace(in.Actor), h.now())
	if err != nil {
		return err
	}
	if err := st.SaveEntryStatus(ctx, *e); err != nil {
		return err
	}
	if delta == 0 {
		return nil
	}
	_, err = st.AddToBalance(ctx, e.WalletID, delta)
	return err
}

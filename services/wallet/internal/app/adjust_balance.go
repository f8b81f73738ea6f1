package app

import (
	"context"
	"fmt"
	"strings"

	"tickup.dev/services/wallet/internal/domain"
)

// Adjustment is an admin's correction of a wallet.
type Adjustment struct {
	Actor       string
	UserID      string
	Direction   string // CREDIT or DEBIT
	AmountCents int64
	Currency    string // "" = the wallet's
	Reason      string // mandatory
}

// AdjustBalance books a CREDIT or DEBIT ADJUSTMENT POSTED with the admin's reason. A debit must be
// covered by the balance less the active holds, like any spend (domain.Account.CanTake):
// money already spent cannot be clawed back into a negative wallet.
type AdjustBalance struct{ deps }

// Handle books the adjustment in.
func (h AdjustBalance) Handle(ctx context.Context, in Adjustment) (domain.Entry, error) {
	v := domain.Validation{}
	v.Require(strings.TrimSpace(in.Actor) != "", "actor", "is required: adjustments are admin operations")
	v.Require(in.Direction == domain.Credit || in.Direction == domain.Debit, "direction", "must be CREDIT or DEBIT")
	v.Require(domain.ValidAmount(in.AmountCents), "amount_cents", domain.AmountRule)
	v.Require(strings.TrimSpace(in.Reason) != "", "reason", "is required")
	v.Require(in.Currency == "" || domain.ValidCurrency(in.Currency), "currency", "must be an ISO 4217 code such as EUR")
	if err := v.Err(); err != nil {
		return domain.Entry{}, err
	}
	var e domain.Entry
	err := h.store.InTx(ctx, func(st Books) error {
		acct, err := st.EnsureAccount(ctx, in.UserID, currencyOr(in.Currency, h.cfg.DefaultCurrency))
		if err != nil {
			return err
		}
		if in.Currency != "" && in.Currency != acct.Currency {
			return fmt.Errorf("%w: the wallet holds %s, the adjustment is in %s", domain.ErrCurrencyMismatch, acct.Currency, in.Currency)
		}
		if in.Direction == domain.Debit {
			if err := acct.CanTake(in.AmountCents); err != nil {
				return err
			}
		}
		e = domain.NewEntry(acct, in.Direction, domain.ReasonAdjustment, in.AmountCents, false, h.now())
		e.Actor, e.Note = strings.TrimSpace(in.Actor), strings.TrimSpace(in.Reason)
		return h.mustPost(ctx, st, acct, &e)
	})
	return e, err
}

package app

import (
	"context"
	"fmt"
	"strings"

	"tickup.dev/services/wallet/internal/domain"
)

// NewTopup asks to load money into a user's wallet.
type NewTopup struct {
	UserID      string
	AmountCents int64
	Currency    string // "" = the wallet's
	Provider    string
}

// CreateTopup stores a CREATED top-up; the provider's webhook later completes or fails it.
// A user's first top-up creates the wallet in its currency.
type CreateTopup struct{ deps }

// Handle stores the top-up in asks for.
func (h CreateTopup) Handle(ctx context.Context, in NewTopup) (domain.Topup, error) {
	v := domain.Validation{}
	v.Require(domain.ValidAmount(in.AmountCents), "amount_cents", domain.AmountRule)
	v.Require(strings.TrimSpace(in.Provider) != "", "provider", "is required")
	v.Require(in.Currency == "" || domain.ValidCurrency(in.Currency), "currency", "must be an ISO 4217 code such as EUR")
	if err := v.Err(); err != nil {
		return domain.Topup{}, err
	}
	var t domain.Topup
	err := h.store.InTx(ctx, func(st Books) error {
		acct, err := st.EnsureAccount(ctx, in.UserID, currencyOr(in.Currency, h.cfg.DefaultCurrency))
		if err != nil {
			return err
		}
		if in.Currency != "" && in.Currency != acct.Currency {
			return fmt.Errorf("%w: the wallet holds %s, the top-up is in %s", domain.ErrCurrencyMismatch, acct.Currency, in.Currency)
		}
		id, err := newID()
		if err != nil {
			return err
		}
		t = domain.Topup{TopupID: id, WalletID: acct.WalletID, UserID: in.UserID, AmountCents: in.AmountCents,
			Currency: acct.Currency, Provider: strings.TrimSpace(in.Provider), Status: domain.TopupCreated, CreatedAt: h.now()}
		t.UpdatedAt = t.CreatedAt
		return st.InsertTopup(ctx, t)
	})
	return t, err
}

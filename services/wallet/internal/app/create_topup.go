package app

import (
	"context"
	"fmt"
	"strings"

	"tickup.dev/services/wallet/internal/adapters"
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
func (a *App) CreateTopup(ctx context.Context, in NewTopup) (domain.Topup, error) {
	v := domain.Validation{}
	v.Require(domain.ValidAmount(in.AmountCents), "amount_cents", domain.AmountRule)
	v.Require(strings.TrimSpace(in.Provider) != "", "provider", "is required")
	v.Require(in.Currency == "" || domain.ValidCurrency(in.Currency), "currency", "must be an ISO 4217 code such as EUR")
	if err := v.Err(); err != nil {
		return domain.Topup{}, err
	}
	var t domain.Topup
	err := a.store.InTx(ctx, func(st *adapters.Store) error {
		acct, err := st.EnsureAccount(ctx, in.UserID, currencyOr(in.Currency, a.cfg.DefaultCurrency))
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
			Currency: acct.Currency, Provider: strings.TrimSpace(in.Provider), Status: domain.TopupCreated, CreatedAt: a.now()}
		t.UpdatedAt = t.CreatedAt
		return st.InsertTopup(ctx, t)
	})
	return t, err
}

// CancelTopup cancels the user's top-up while the provider has not started processing it.
func (a *App) CancelTopup(ctx context.Context, userID, topupID string) (domain.Topup, error) {
	var t domain.Topup
	err := a.store.InTx(ctx, func(st *adapters.Store) error {
		var err error
		if _, t, err = a.lockTopup(ctx, st, topupID); err != nil {
			return err
		}
		if t.UserID != userID {
			return fmt.Errorf("top-up %s: %w", topupID, domain.ErrNotFound)
		}
		if err := t.Cancel(a.now()); err != nil {
			return err
		}
		return st.SaveTopup(ctx, t)
	})
	return t, err
}

// lockTopup locks a top-up's wallet and then the top-up (wallets before requests, always).
func (a *App) lockTopup(ctx context.Context, st *adapters.Store, id string) (domain.Account, domain.Topup, error) {
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

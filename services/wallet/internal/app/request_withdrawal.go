package app

import (
	"context"
	"strings"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

// NewWithdrawal asks to pay money out of a user's wallet.
type NewWithdrawal struct {
	UserID      string
	RequestedBy string // who asks: "" = the owner; an admin or service acting for them is recorded
	AmountCents int64
	Currency    string // "" = the wallet's
	Provider    string
	Destination string
}

// RequestWithdrawal stores a REQUESTED withdrawal and holds its amount, under the wallet's
// row lock: the minimum, the 24-hour total and the available funds are checked against
// what the wallet holds right now.
type RequestWithdrawal struct{ deps }

// Handle stores the withdrawal in asks for.
func (h RequestWithdrawal) Handle(ctx context.Context, in NewWithdrawal) (domain.Withdrawal, error) {
	if err := validateWithdrawal(in); err != nil {
		return domain.Withdrawal{}, err
	}
	var w domain.Withdrawal
	err := h.store.InTx(ctx, func(st Books) error {
		acct, err := st.EnsureAccount(ctx, in.UserID, currencyOr(in.Currency, h.cfg.DefaultCurrency))
		if err != nil {
			return err
		}
		if err := h.checkWithdrawal(ctx, st, acct, in); err != nil {
			return err
		}
		w, err = h.holdWithdrawal(ctx, st, acct, in)
		return err
	})
	return w, err
}

func validateWithdrawal(in NewWithdrawal) error {
	v := domain.Validation{}
	v.Require(domain.ValidAmount(in.AmountCents), "amount_cents", domain.AmountRule)
	v.Require(strings.TrimSpace(in.Provider) != "", "provider", "is required")
	v.Require(strings.TrimSpace(in.Destination) != "", "destination", "is required")
	v.Require(in.Currency == "" || domain.ValidCurrency(in.Currency), "currency", "must be an ISO 4217 code such as EUR")
	return v.Err()
}

func (h RequestWithdrawal) checkWithdrawal(ctx context.Context, st Books, acct domain.Account, in NewWithdrawal) error {
	if acct.Status != domain.AccountActive {
		return acct.CanReserve(in.AmountCents, acct.Currency)
	}
	used, err := st.WithdrawnSince(ctx, in.UserID, h.now().Add(-24*time.Hour))
	if err != nil {
		return err
	}
	if err := h.cfg.Withdrawals.Check(in.AmountCents, used); err != nil {
		return err
	}
	currency := in.Currency
	if currency == "" {
		currency = acct.Currency
	}
	return acct.CanReserve(in.AmountCents, currency)
}

func (h RequestWithdrawal) holdWithdrawal(ctx context.Context, st Books, acct domain.Account, in NewWithdrawal) (domain.Withdrawal, error) {
	holdID, err := newID()
	if err != nil {
		return domain.Withdrawal{}, err
	}
	id, err := newID()
	if err != nil {
		return domain.Withdrawal{}, err
	}
	if err := st.InsertHold(ctx, domain.NewWithdrawalHold(holdID, acct, id, in.AmountCents)); err != nil {
		return domain.Withdrawal{}, err
	}
	now := h.now()
	w := domain.Withdrawal{WithdrawalID: id, WalletID: acct.WalletID, UserID: in.UserID, AmountCents: in.AmountCents,
		Currency: acct.Currency, Provider: strings.TrimSpace(in.Provider), Destination: strings.TrimSpace(in.Destination),
		Status: domain.WithdrawalRequested, HoldID: holdID, RequestedBy: requester(in), CreatedAt: now, UpdatedAt: now}
	return w, st.InsertWithdrawal(ctx, w)
}

// requester is who asked for the withdrawal: the owner unless someone acting for them is named.
func requester(in NewWithdrawal) string {
	if by := strings.TrimSpace(in.RequestedBy); by != "" {
		return by
	}
	return in.UserID
}

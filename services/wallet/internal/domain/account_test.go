package domain_test

import (
	"errors"
	"testing"

	"tickup.dev/services/wallet/internal/domain"
)

func TestAccountCanReserve(t *testing.T) {
	t.Parallel()
	active := domain.Account{WalletID: "w", Currency: "EUR", Status: domain.AccountActive, BalanceCents: 1000, HeldCents: 600}
	suspended := active
	suspended.Status = domain.AccountSuspended
	tests := []struct {
		name     string
		acct     domain.Account
		amount   int64
		currency string
		want     error
	}{
		{"fits the available 400", active, 400, "EUR", nil},
		{"holds count against the balance", active, 401, "EUR", domain.ErrInsufficientFunds},
		{"suspended", suspended, 1, "EUR", domain.ErrSuspended},
		{"other currency", active, 1, "USD", domain.ErrCurrencyMismatch},
		{"zero", active, 0, "EUR", domain.ErrInvalidAmount},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.acct.CanReserve(tt.amount, tt.currency)
			if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("CanReserve(%d %s) = %v, want %v", tt.amount, tt.currency, err, tt.want)
			}
		})
	}
	if err := suspended.CanReceive("EUR"); err != nil {
		t.Fatalf("a suspended wallet cannot receive: %v", err)
	}
}

func TestWithdrawalLimits(t *testing.T) {
	t.Parallel()
	limits := domain.WithdrawalLimits{MinCents: 1000, DailyCents: 5000}
	tests := []struct {
		amount, used int64
		ok           bool
	}{
		{1000, 0, true}, {999, 0, false}, {5000, 0, true}, {1000, 4000, true}, {1001, 4000, false},
	}
	for _, tt := range tests {
		err := limits.Check(tt.amount, tt.used)
		if (err == nil) != tt.ok || (err != nil && !errors.Is(err, domain.ErrLimit)) {
			t.Errorf("Check(%d, used %d) = %v, want ok=%v", tt.amount, tt.used, err, tt.ok)
		}
	}
}

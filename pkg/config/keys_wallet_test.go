package config

import (
	"errors"
	"reflect"
	"testing"
)

// TestWalletSettings reads the withdrawal limits from every source under the names the
// wallet read from its environment before they joined the key table, and refuses values
// that are not a positive number of cents.
func TestWalletSettings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, yaml string
		env        []string
		want       Wallet
		problems   []string
	}{
		{name: "defaults", want: Wallet{MinWithdrawalCents: 1000, DailyWithdrawalCents: 100000}},
		{name: "yaml", yaml: "wallet:\n  min_withdrawal_cents: 500\n  daily_withdrawal_cents: 20000\n",
			want: Wallet{MinWithdrawalCents: 500, DailyWithdrawalCents: 20000}},
		{name: "environment beats yaml", yaml: "wallet:\n  min_withdrawal_cents: 500\n",
			env:  []string{"TICKUP_WALLET_MIN_WITHDRAWAL_CENTS=700", "TICKUP_WALLET_DAILY_WITHDRAWAL_CENTS=9000"},
			want: Wallet{MinWithdrawalCents: 700, DailyWithdrawalCents: 9000}},
		{name: "not a number", env: []string{"TICKUP_WALLET_MIN_WITHDRAWAL_CENTS=ten euros"},
			problems: []string{`wallet.min_withdrawal_cents: not an integer: "ten euros"`}},
		{name: "not positive", env: []string{"TICKUP_WALLET_MIN_WITHDRAWAL_CENTS=-5", "TICKUP_WALLET_DAILY_WITHDRAWAL_CENTS=0"},
			problems: []string{"wallet.min_withdrawal_cents: must be a positive number of cents, got -5",
				"wallet.daily_withdrawal_cents: must be a positive number of cents, got 0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			got, err := Load(Options{ConfigFile: writeFile(t, dir, "tickup.yaml", tc.yaml),
				EnvFile: writeFile(t, dir, ".env", ""), Environ: append([]string{"DATABASE_URL=" + testDB}, tc.env...)})
			var verr *ValidationError
			switch {
			case errors.As(err, &verr):
				if !reflect.DeepEqual(verr.Problems, tc.problems) {
					t.Errorf("problems:\n%q\nwant:\n%q", verr.Problems, tc.problems)
				}
			case err != nil:
				t.Fatalf("Load: %v", err)
			case tc.problems != nil:
				t.Errorf("Load accepted %+v, want problems %q", got.Wallet, tc.problems)
			case got.Wallet != tc.want:
				t.Errorf("Wallet = %+v, want %+v", got.Wallet, tc.want)
			}
		})
	}
}

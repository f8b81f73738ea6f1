package wallet_test

import (
	"testing"

	"tickup.dev/services/wallet/wallet"
)

func TestOptionsFromEnv(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		env     map[string]string
		want    wallet.Options
		wantErr bool
	}{
		{"defaults", nil, wallet.Options{MinWithdrawalCents: 1000, DailyWithdrawalCents: 100000}, false},
		{"set", map[string]string{wallet.EnvMinWithdrawalCents: "500", wallet.EnvDailyWithdrawalCents: "20000"},
			wallet.Options{MinWithdrawalCents: 500, DailyWithdrawalCents: 20000}, false},
		{"not a number", map[string]string{wallet.EnvMinWithdrawalCents: "ten euros"}, wallet.Options{}, true},
		{"not positive", map[string]string{wallet.EnvDailyWithdrawalCents: "0"}, wallet.Options{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := wallet.OptionsFromEnv(func(k string) string { return tt.env[k] })
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !tt.wantErr && got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

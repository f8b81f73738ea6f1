package config

// Key names of the wallet's settings.
const (
	keyMinWithdrawal   = "wallet.min_withdrawal_cents"
	keyDailyWithdrawal = "wallet.daily_withdrawal_cents"
)

// Wallet holds the wallet service's rules for paying money out.
type Wallet struct {
	// MinWithdrawalCents is the smallest withdrawal.
	MinWithdrawalCents int64
	// DailyWithdrawalCents is the most a user may withdraw per rolling 24 hours.
	DailyWithdrawalCents int64
}

// walletKeys are the wallet service's settings.
func walletKeys() []Key {
	return []Key{
		{Name: keyMinWithdrawal, Env: []string{"TICKUP_WALLET_MIN_WITHDRAWAL_CENTS"}, Default: "1000",
			Description: "smallest withdrawal, in cents",
			apply:       setInt64(func(c *Config) *int64 { return &c.Wallet.MinWithdrawalCents })},
		{Name: keyDailyWithdrawal, Env: []string{"TICKUP_WALLET_DAILY_WITHDRAWAL_CENTS"}, Default: "100000",
			Description: "most a user may withdraw per rolling 24 hours, in cents",
			apply:       setInt64(func(c *Config) *int64 { return &c.Wallet.DailyWithdrawalCents })},
	}
}

func checkWallet(r *report, w Wallet) {
	if w.MinWithdrawalCents <= 0 {
		r.add(keyMinWithdrawal, "must be a positive number of cents, got %d", w.MinWithdrawalCents)
	}
	if w.DailyWithdrawalCents <= 0 {
		r.add(keyDailyWithdrawal, "must be a positive number of cents, got %d", w.DailyWithdrawalCents)
	}
}

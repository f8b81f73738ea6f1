package wallet

import (
	"tickup.dev/pkg/config"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

// appConfig is the app's configuration from the service's settings: the withdrawal limits
// (wallet.min_withdrawal_cents, wallet.daily_withdrawal_cents, validated by pkg/config) and
// the hold deadline shown on holds the api sent none for (holds.ttl).
func appConfig(cfg config.Config) app.Config {
	return app.Config{HoldTTL: cfg.Holds.TTL, DefaultCurrency: domain.DefaultCurrency,
		Withdrawals: domain.WithdrawalLimits{MinCents: cfg.Wallet.MinWithdrawalCents, DailyCents: cfg.Wallet.DailyWithdrawalCents}}
}

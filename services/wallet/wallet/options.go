package wallet

import (
	"errors"
	"fmt"
	"strconv"

	"tickup.dev/pkg/config"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

// Environment variables tuning the wallet (read by Run; the shared config does not know them).
const (
	EnvMinWithdrawalCents   = "TICKUP_WALLET_MIN_WITHDRAWAL_CENTS"
	EnvDailyWithdrawalCents = "TICKUP_WALLET_DAILY_WITHDRAWAL_CENTS"
)

// Options are the wallet's own settings.
type Options struct {
	MinWithdrawalCents   int64 // smallest withdrawal; default 1000
	DailyWithdrawalCents int64 // most a user may withdraw per 24 hours; default 100000
}

// DefaultOptions are the settings when nothing is configured.
func DefaultOptions() Options {
	return Options{MinWithdrawalCents: 1000, DailyWithdrawalCents: 100000}
}

// OptionsFromEnv reads the options from getenv (os.Getenv), starting from the defaults; a
// value that does not parse or is not positive is an error naming the variable.
func OptionsFromEnv(getenv func(string) string) (Options, error) {
	o := DefaultOptions()
	errs := []error{
		parseInt(getenv, EnvMinWithdrawalCents, &o.MinWithdrawalCents),
		parseInt(getenv, EnvDailyWithdrawalCents, &o.DailyWithdrawalCents),
	}
	return o, errors.Join(errs...)
}

func parseInt(getenv func(string) string, name string, dst *int64) error {
	raw := getenv(name)
	if raw == "" {
		return nil
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("%s=%q: want a positive number of cents", name, raw)
	}
	*dst = n
	return nil
}

// appConfig is the app's configuration: these options and the shared hold settings.
func (o Options) appConfig(holds config.Holds) app.Config {
	return app.Config{HoldTTL: holds.TTL, DefaultCurrency: domain.DefaultCurrency,
		Withdrawals: domain.WithdrawalLimits{MinCents: o.MinWithdrawalCents, DailyCents: o.DailyWithdrawalCents}}
}

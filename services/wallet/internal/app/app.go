// Package app holds the wallet's use cases, one file per command, query or event handler.
// Event handlers run inside the inbox transaction they are given; commands open their own.
package app

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// Config tunes the wallet's rules.
type Config struct {
	HoldTTL         time.Duration           // a purchase hold's expires_at when the api sent no deadline
	Withdrawals     domain.WithdrawalLimits // minimum and daily withdrawal totals
	DefaultCurrency string                  // of wallets created by a spend
}

// App runs the wallet's use cases against its store.
type App struct {
	store *adapters.Store
	cfg   Config
	log   *slog.Logger
	now   func() time.Time
}

// New returns the wallet's use cases over store.
func New(store *adapters.Store, cfg Config, log *slog.Logger) *App {
	if cfg.DefaultCurrency == "" {
		cfg.DefaultCurrency = domain.DefaultCurrency
	}
	return &App{store: store, cfg: cfg, log: log, now: func() time.Time { return time.Now().UTC() }}
}

// newID returns a time-ordered UUID (v7), so ids sort in creation order.
func newID() (string, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return "", fmt.Errorf("new id: %w", err)
	}
	return id.String(), nil
}

// currencyOr returns c when it is a valid ISO code, else def.
func currencyOr(c, def string) string {
	if domain.ValidCurrency(c) {
		return c
	}
	return def
}

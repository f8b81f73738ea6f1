// Package walletaudit checks the wallet's invariants against its tables (docs/architecture.md, "Invariants"): the
// cached balances match the ledger, no wallet spends more than it has, every capture,
// refund, payout, top-up credit and withdrawal debit happens at most once per reference,
// and no unconfirmed hold outlives its expiry. `tickup audit` runs it.
package walletaudit

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Names of the checks, as reported in Violation.Check.
const (
	CheckBalanceCache       = "balance_cache"
	CheckAvailable          = "available_non_negative"
	CheckOneCapture         = "one_capture_per_purchase"
	CheckOneRefund          = "one_refund_per_purchase"
	CheckOnePayout          = "one_payout_per_ticket"
	CheckOneTopupCredit     = "one_credit_per_topup"
	CheckOneWithdrawalDebit = "one_debit_per_withdrawal"
	CheckExpiredHold        = "no_expired_active_hold"
	DefaultExpiryGrace      = 5 * time.Minute
)

// Violation is one broken invariant: which check, which wallet, which reference (a purchase,
// ticket, top-up, withdrawal or hold; empty for wallet-wide checks) and what was found.
type Violation struct {
	Check    string `json:"check"`
	WalletID string `json:"wallet_id"`
	Ref      string `json:"ref,omitempty"`
	Detail   string `json:"detail"`
}

// String renders the violation on one line.
func (v Violation) String() string {
	s := v.Check + ": wallet " + v.WalletID
	if v.Ref != "" {
		s += " ref " + v.Ref
	}
	return s + ": " + v.Detail
}

// Check runs every check with the default expiry grace (sweepers run every few seconds, so
// a hold a little past its expiry is not yet a fault).
func Check(ctx context.Context, gdb *gorm.DB) ([]Violation, error) {
	return CheckWithGrace(ctx, gdb, DefaultExpiryGrace)
}

// CheckWithGrace runs every check, tolerating ACTIVE holds up to grace past their expiry.
func CheckWithGrace(ctx context.Context, gdb *gorm.DB, grace time.Duration) ([]Violation, error) {
	var out []Violation
	for _, c := range checks(grace) {
		var found []Violation
		if err := gdb.WithContext(ctx).Raw(c.sql, c.args...).Scan(&found).Error; err != nil {
			return nil, fmt.Errorf("wallet audit %s: %w", c.name, err)
		}
		for i := range found {
			found[i].Check = c.name
		}
		out = append(out, found...)
	}
	return out, nil
}

// Package purchaseaudit reconciles every purchase across the api, ticketing and wallet schemas,
// as a payments auditor would: each ticket and boost belongs to a confirmed purchase, each
// wallet-paid one was captured exactly once at its price, each card-paid one has its provider
// payment recorded, each pool's money balances, no refund exceeds what was paid, and no released
// hold left a ticket behind. docs/architecture.md ("Audit") states every rule; `tickup audit`
// and the end-to-end tests run it over a connection that can read the three schemas.
package purchaseaudit

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Names of the checks, as reported in Violation.Check.
const (
	CheckConfirmedPurchase = "ticket_has_confirmed_purchase"
	CheckWalletCapture     = "wallet_ticket_captured_once_at_price"
	CheckCardPayment       = "card_ticket_payment_recorded"
	CheckPoolBalance       = "pool_sales_equal_money_in"
	CheckRefundWithinPaid  = "refund_within_paid"
	CheckHoldStatus        = "hold_status_known"
	CheckReleasedHold      = "released_hold_has_no_ticket"
)

// DefaultGrace is how long in-flight work may lag before it is a finding: a ticket the
// wallet has not captured yet, a pool whose refunds are still being posted.
const DefaultGrace = 5 * time.Minute

// Violation is one finding: which check, on what (a ticket, boost, pool, purchase or hold,
// with its id) and the amounts or states that break the rule.
type Violation struct {
	Check   string `json:"check"`
	Subject string `json:"subject"`
	Detail  string `json:"detail"`
}

// String renders the violation on one line.
func (v Violation) String() string { return v.Check + " " + v.Subject + ": " + v.Detail }

// check is one rule as a query returning (subject, detail) rows; its one parameter is the
// grace in seconds (see prelude).
type check struct {
	name string
	sql  string
}

// Check runs every check with DefaultGrace.
func Check(ctx context.Context, gdb *gorm.DB) ([]Violation, error) {
	return CheckWithGrace(ctx, gdb, DefaultGrace)
}

// CheckWithGrace runs every check, leaving alone work younger than grace; 0 checks
// everything, for a system at rest.
func CheckWithGrace(ctx context.Context, gdb *gorm.DB, grace time.Duration) ([]Violation, error) {
	var out []Violation
	for _, c := range checks {
		var found []Violation
		if err := gdb.WithContext(ctx).Raw(c.sql, grace.Seconds()).Scan(&found).Error; err != nil {
			return nil, fmt.Errorf("purchase audit %s: %w", c.name, err)
		}
		for i := range found {
			found[i].Check = c.name
		}
		out = append(out, found...)
	}
	return out, nil
}

// Names lists every check in the order Check runs them.
func Names() []string {
	out := make([]string, len(checks))
	for i, c := range checks {
		out[i] = c.name
	}
	return out
}

var checks = []check{
	{CheckConfirmedPurchase, confirmedPurchaseSQL},
	{CheckWalletCapture, walletCaptureSQL},
	{CheckCardPayment, cardPaymentSQL},
	{CheckPoolBalance, poolBalanceSQL},
	{CheckRefundWithinPaid, refundWithinPaidSQL},
	{CheckHoldStatus, holdStatusSQL},
	{CheckReleasedHold, releasedHoldSQL},
}

// Package ticketingaudit checks the ticketing invariants of docs/architecture.md ("Invariants") on a live database.
// `tickup audit` runs it; the ticketing tests run it after every test.
package ticketingaudit

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Invariant names, as Violation.Invariant reports them.
const (
	SoldMatchesTickets = "tickets_sold_matches_tickets"   // tickets_sold = count(ticket)
	NumbersContiguous  = "ticket_numbers_contiguous"      // numbers are exactly 1..tickets_sold
	SoldWithinRequired = "tickets_sold_within_required"   // tickets_sold <= tickets_required
	StateMatchesSales  = "state_matches_sold_out"         // FULL/STARTED/DRAWN iff sold out
	OneTicketPerBuy    = "one_ticket_per_purchase"        // no purchase with two tickets
	StockNotNegative   = "prize_stock_not_negative"       // prize.stock >= 0
	DrawnHaveOutcomes  = "drawn_tickets_have_outcomes"    // every ticket of a DRAWN pool is WON or LOST
	BoostsMatchWeights = "ticket_weight_matches_boosts"   // weight = 1 + boosts applied and not voided
	OutcomePerPurchase = "issued_purchase_has_one_ticket" // an ISSUED outcome names its own ticket
)

// Violation is one broken invariant: which, on what (a pool, prize, purchase or ticket
// id), and the values that break it.
type Violation struct {
	Invariant string `json:"invariant"`
	Subject   string `json:"subject"`
	Detail    string `json:"detail"`
}

// String renders the violation on one line.
func (v Violation) String() string { return v.Invariant + " " + v.Subject + ": " + v.Detail }

// check is one invariant: a query returning (subject, detail) rows for each violation.
type check struct {
	invariant string
	query     string
}

// Check runs every invariant on gdb (any role that can read the ticketing schema; the
// tables are schema-qualified) and returns the violations, none when all hold.
func Check(ctx context.Context, gdb *gorm.DB) ([]Violation, error) {
	var out []Violation
	for _, c := range checks {
		var rows []struct {
			Subject string
			Detail  string
		}
		if err := gdb.WithContext(ctx).Raw(c.query).Scan(&rows).Error; err != nil {
			return nil, fmt.Errorf("audit %s: %w", c.invariant, err)
		}
		for _, r := range rows {
			out = append(out, Violation{Invariant: c.invariant, Subject: r.Subject, Detail: r.Detail})
		}
	}
	return out, nil
}

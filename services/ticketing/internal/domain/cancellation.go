package domain

import (
	"slices"
	"time"

	"github.com/google/uuid"
)

// Refund is a voided purchase that Tickup pays back, as its ticket.voided event describes
// it: the ticket (for a boost, the boosted ticket with the boost's purchase and payment),
// the purchase type and why.
type Refund struct {
	Ticket       Ticket
	PurchaseType string
	Reason       string
}

// PoolEntries are a pool's live (not voided) tickets and boosts, boosts in the order bought.
type PoolEntries struct {
	Tickets []Ticket
	Boosts  []Boost
}

// Cancellation is a cancelled pool: its stock goes back to the prize, its live tickets
// are voided, and each purchase in Refunds is paid back.
type Cancellation struct {
	Pool    Pool
	Reason  string
	Refunds []Refund
}

// CancelPool cancels the OPEN pool p and voids what it sold: one refund per live ticket,
// in number order, then one per live boost, in the order bought. A boost voided before
// (its card payment given back) was refunded then: never twice.
func CancelPool(p Pool, live PoolEntries, reason string, now time.Time) (Cancellation, error) {
	if err := p.Cancel(now); err != nil {
		return Cancellation{}, err
	}
	c := Cancellation{Pool: p, Reason: reason, Refunds: make([]Refund, 0, len(live.Tickets)+len(live.Boosts))}
	tickets := slices.Clone(live.Tickets)
	slices.SortFunc(tickets, func(a, b Ticket) int { return a.Num - b.Num })
	byID := make(map[uuid.UUID]Ticket, len(tickets))
	for _, t := range tickets {
		byID[t.ID] = t
		c.Refunds = append(c.Refunds, Refund{Ticket: t, PurchaseType: t.Source, Reason: reason})
	}
	for _, b := range live.Boosts {
		c.Refunds = append(c.Refunds, Refund{Ticket: byID[b.TicketID].paidBy(b), PurchaseType: PurchaseBoost, Reason: reason})
	}
	return c, nil
}

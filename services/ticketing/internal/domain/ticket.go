package domain

import (
	"time"

	"github.com/google/uuid"
)

// Purchase types, ticket sources and draw outcomes.
const (
	PurchaseEntry = "ENTRY"
	PurchaseBoost = "BOOST"
	PurchaseRetry = "RETRY"
	OutcomeWon    = "WON"
	OutcomeLost   = "LOST"
)

// Outcomes of a purchase, recorded once each.
const (
	PurchaseIssued   = "ISSUED"
	PurchaseBoosted  = "BOOSTED"
	PurchaseRejected = "REJECTED"
)

// Purchase is a confirmed purchase as issuance sees it. TicketID is set for a BOOST,
// LosingTicketID for a RETRY (uuid.Nil when absent).
type Purchase struct {
	PurchaseID     uuid.UUID
	UserID         uuid.UUID
	PoolID         uuid.UUID
	Type           string
	TicketID       uuid.UUID
	LosingTicketID uuid.UUID
	AmountCents    int64
	Currency       string
	PaymentMethod  string
}

// PoolUser keys per-user counts inside one pool.
type PoolUser struct {
	PoolID uuid.UUID
	UserID uuid.UUID
}

// Key returns the purchase's pool and user.
func (p Purchase) Key() PoolUser { return PoolUser{PoolID: p.PoolID, UserID: p.UserID} }

// TicketRef is what the rules need to know of a ticket a purchase names: the ticket a
// BOOST raises or the losing ticket a RETRY retries.
type TicketRef struct {
	TicketID  uuid.UUID
	PoolID    uuid.UUID
	UserID    uuid.UUID
	PrizeID   uuid.UUID // of the ticket's pool
	PoolState State
	Outcome   string // "" until the pool is drawn
	Retried   bool   // a RETRY ticket already names it
	Voided    bool   // voided (pool cancelled, or its card payment given back)
}

// Ticket is a numbered ticket of a pool.
type Ticket struct {
	ID         uuid.UUID
	PoolID     uuid.UUID
	UserID     uuid.UUID
	PurchaseID uuid.UUID
	Num        int
	Weight     int
	Source     string // PurchaseEntry or PurchaseRetry
	RetryOf    *uuid.UUID
	Outcome    string // OutcomeWon or OutcomeLost once drawn
	VoidedAt   *time.Time
	CreatedAt  time.Time
	// What its purchase paid, so a voided ticket can be refunded.
	AmountCents   int64
	Currency      string
	PaymentMethod string
}

// IssuedTicket is ticket id, number num, as purchase pu gets it: weight 1, its source the
// purchase type (ENTRY, or RETRY of the losing ticket it names), and what pu paid.
func IssuedTicket(id uuid.UUID, pu Purchase, num int, now time.Time) Ticket {
	t := Ticket{ID: id, PoolID: pu.PoolID, UserID: pu.UserID, PurchaseID: pu.PurchaseID, Num: num, Weight: 1,
		Source: PurchaseEntry, CreatedAt: now, AmountCents: pu.AmountCents, Currency: pu.Currency,
		PaymentMethod: pu.PaymentMethod}
	if pu.Type == PurchaseRetry {
		losing := pu.LosingTicketID
		t.Source, t.RetryOf = PurchaseRetry, &losing
	}
	return t
}

// Boost is a BOOST purchase applied to a ticket, once per purchase.
type Boost struct {
	PurchaseID    uuid.UUID
	TicketID      uuid.UUID
	PoolID        uuid.UUID
	UserID        uuid.UUID
	AmountCents   int64
	Currency      string
	PaymentMethod string
	VoidedAt      *time.Time
	CreatedAt     time.Time
}

// BoostedBy returns the ticket as the events about boost b describe it: b's purchase and
// payment, and no RETRY link (the boost is a purchase of its own).
func (t Ticket) BoostedBy(b Boost) Ticket {
	t = t.paidBy(b)
	t.RetryOf = nil
	return t
}

// paidBy returns the ticket as the events about boost b describe it: b's purchase and payment.
func (t Ticket) paidBy(b Boost) Ticket {
	t.PurchaseID, t.AmountCents, t.Currency, t.PaymentMethod = b.PurchaseID, b.AmountCents, b.Currency, b.PaymentMethod
	return t
}

// PurchaseOutcome is what became of a purchase; Ticket is set when it was issued or boosted.
type PurchaseOutcome struct {
	PurchaseID uuid.UUID
	Outcome    string // PurchaseIssued, PurchaseBoosted or PurchaseRejected
	Reason     string
	Ticket     *Ticket
}

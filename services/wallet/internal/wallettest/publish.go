package wallettest

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// Publish publishes ev as its producer would, under a new unique message id.
func (e *Env) Publish(t testing.TB, ev events.Event) {
	t.Helper()
	if err := e.Send(uuid.NewString(), ev); err != nil {
		t.Fatal(err)
	}
}

// Send publishes ev under message id; safe from any goroutine.
func (e *Env) Send(id string, ev events.Event) error {
	data, err := events.Encode(ev)
	if err != nil {
		return err
	}
	typ := events.Type(ev.EventType())
	m := bus.Message{ID: id, Subject: ev.EventSubject(), Type: typ.String(), Source: typ.Source(), Data: data}
	return e.Bus.Publish(context.Background(), m)
}

// SendNew publishes ev under a new unique message id; safe from any goroutine.
func (e *Env) SendNew(ev events.Event) error { return e.Send(uuid.NewString(), ev) }

// Purchase is a purchase of one user in one pool, from which the tests derive its events.
type Purchase struct {
	PurchaseID string
	UserID     string
	PoolID     string
	TicketID   string
	Amount     int64
	Method     string
	// HoldExpiresAt is the hold deadline the api gives a wallet-paid purchase; nil: none sent.
	HoldExpiresAt *time.Time
}

// NewPurchase returns a wallet-paid ENTRY purchase of amount EUR cents.
func NewPurchase(userID, poolID string, amount int64) Purchase {
	return Purchase{PurchaseID: uuid.NewString(), UserID: userID, PoolID: poolID, TicketID: uuid.NewString(),
		Amount: amount, Method: events.PaymentWallet}
}

func (p Purchase) body() events.Purchase {
	return events.Purchase{SchemaVersion: events.SchemaVersion, PurchaseID: p.PurchaseID, UserID: p.UserID,
		PoolID: p.PoolID, Type: events.PurchaseEntry, AmountCents: p.Amount, Currency: "EUR", PaymentMethod: p.Method,
		HoldExpiresAt: p.HoldExpiresAt}
}

func (p Purchase) ticket(reason string) events.Ticket {
	return events.Ticket{SchemaVersion: events.SchemaVersion, TicketID: p.TicketID, PurchaseID: p.PurchaseID,
		PoolID: p.PoolID, UserID: p.UserID, PurchaseType: events.PurchaseEntry, TicketNum: 1, Weight: 1,
		AmountCents: p.Amount, Currency: "EUR", Reason: reason, PaymentMethod: p.Method}
}

// Created is the purchase's api.purchase.created.
func (p Purchase) Created() events.PurchaseCreated { return events.PurchaseCreated(p.body()) }

// Confirmed is the purchase's api.purchase.confirmed.
func (p Purchase) Confirmed() events.PurchaseConfirmed { return events.PurchaseConfirmed(p.body()) }

// Failed is the purchase's api.purchase.failed.
func (p Purchase) Failed() events.PurchaseFailed { return events.PurchaseFailed(p.body()) }

// Issued is ticketing's ticket.issued for the purchase.
func (p Purchase) Issued() events.TicketIssued { return events.TicketIssued(p.ticket("")) }

// Rejected is ticketing's ticket.rejected for the purchase.
func (p Purchase) Rejected() events.TicketRejected {
	t := p.ticket("pool full")
	t.TicketID, t.TicketNum, t.Weight = "", 0, 0
	return events.TicketRejected(t)
}

// Voided is ticketing's ticket.voided for the purchase's ticket.
func (p Purchase) Voided() events.TicketVoided {
	return events.TicketVoided(p.ticket("pool cancelled"))
}

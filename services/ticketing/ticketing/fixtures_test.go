package ticketing_test

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
)

const price = 500 // cents, the default ticket price of test pools

// prize creates a EUR prize with stock units.
func (e *env) prize(stock int) ticketingrpc.Prize {
	e.t.Helper()
	p, err := e.client.CreatePrize(context.Background(), ticketingrpc.CreatePrizeRequest{
		Title: "Espresso machine", ValueCents: 49_900, Currency: "EUR", Stock: stock, SponsorName: "Tickup Labs"})
	if err != nil {
		e.t.Fatalf("create prize: %v", err)
	}
	return p
}

// pool opens a pool of size tickets at 5.00 EUR on a new prize; edit may change the request.
func (e *env) pool(size int, edit ...func(*ticketingrpc.CreatePoolRequest)) ticketingrpc.Pool {
	e.t.Helper()
	return e.poolOf(e.prize(5).PrizeID, size, edit...)
}

func (e *env) poolOf(prizeID string, size int, edit ...func(*ticketingrpc.CreatePoolRequest)) ticketingrpc.Pool {
	e.t.Helper()
	req := ticketingrpc.CreatePoolRequest{PrizeID: prizeID, TicketPriceCents: price, TicketsRequired: size}
	for _, f := range edit {
		f(&req)
	}
	p, err := e.client.CreatePool(context.Background(), req)
	if err != nil {
		e.t.Fatalf("create pool: %v", err)
	}
	return p
}

// entry is a confirmed wallet-paid ENTRY purchase of pool by user.
func entry(pool ticketingrpc.Pool, user string) events.PurchaseConfirmed {
	return events.PurchaseConfirmed{SchemaVersion: events.SchemaVersion, PurchaseID: uuid.NewString(),
		UserID: user, PoolID: pool.PoolID, Type: events.PurchaseEntry, AmountCents: pool.TicketPriceCents,
		Currency: pool.Currency, PaymentMethod: events.PaymentWallet}
}

// boost is a confirmed BOOST of ticketID by user.
func boost(pool ticketingrpc.Pool, user, ticketID string) events.PurchaseConfirmed {
	p := entry(pool, user)
	p.Type, p.TicketID = events.PurchaseBoost, ticketID
	if pool.BoostPriceCents != nil {
		p.AmountCents = *pool.BoostPriceCents
	}
	return p
}

// retry is a confirmed RETRY of losingTicketID by user, in pool.
func retry(pool ticketingrpc.Pool, user, losingTicketID string) events.PurchaseConfirmed {
	p := entry(pool, user)
	p.Type, p.LosingTicketID = events.PurchaseRetry, losingTicketID
	if pool.RetryPriceCents != nil {
		p.AmountCents = *pool.RetryPriceCents
	}
	return p
}

// confirm publishes purchase.confirmed for each purchase, as the API would.
func (e *env) confirm(ps ...events.PurchaseConfirmed) {
	e.t.Helper()
	for _, p := range ps {
		e.publishAs(e.t, "confirmed-"+p.PurchaseID, p)
	}
}

// publishAs publishes p with the message id id.
func (e *env) publishAs(t testing.TB, id string, p events.PurchaseConfirmed) {
	t.Helper()
	data, err := events.Encode(p)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	typ := events.TypePurchaseConfirmed
	err = e.bus.Publish(context.Background(), bus.Message{ID: id, Subject: typ.Subject(""), Type: typ.String(), Data: data})
	if err != nil {
		t.Fatalf("publish %s: %v", id, err)
	}
}

func ptr[T any](v T) *T { return &v }

func newUser() string { return uuid.NewString() }

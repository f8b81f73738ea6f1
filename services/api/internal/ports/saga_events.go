// Package ports turns the other services' events and the clock into the api's purchase
// commands: decode, call the app, log what changed nothing — no rules, no SQL.
package ports

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/service"
	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
)

// Durable consumer names of the api, one per stream it reads (also their inbox consumer
// names; the contract names them once); replicas share them.
const (
	WalletDurable    = events.DurableAPIWallet
	TicketingDurable = events.DurableAPITicketing
)

// SagaEvents applies the wallet's and ticketing's answers to purchases.
type SagaEvents struct {
	saga app.AdvanceSaga
	log  *slog.Logger
}

// NewSagaEvents returns the saga's event handlers over the application's commands.
func NewSagaEvents(a *app.Application, log *slog.Logger) SagaEvents {
	return SagaEvents{saga: a.Commands.AdvanceSaga, log: log}
}

// Routers are the saga's consumers, each batch in one transaction with its inbox claims
// (tx binds a transaction to the app's unit of work): the wallet's hold decisions and
// ticketing's outcomes.
func (s SagaEvents) Routers(tx bus.Transactor[app.UnitOfWork]) []*bus.Router[app.UnitOfWork] {
	wallet := bus.NewRouter(bus.ConsumerSpec{Durable: WalletDurable}, tx)
	bus.On(wallet, func(ctx context.Context, u app.UnitOfWork, e events.HoldPlaced) error {
		return s.apply(ctx, u, e.PurchaseID, purchase.HoldPlaced{})
	})
	bus.On(wallet, func(ctx context.Context, u app.UnitOfWork, e events.HoldRejected) error {
		return s.apply(ctx, u, e.PurchaseID, purchase.HoldRejected{Reason: e.Reason})
	})
	ticketing := bus.NewRouter(bus.ConsumerSpec{Durable: TicketingDurable}, tx)
	bus.On(ticketing, func(ctx context.Context, u app.UnitOfWork, e events.TicketIssued) error {
		return s.issued(ctx, u, events.Ticket(e))
	})
	bus.On(ticketing, func(ctx context.Context, u app.UnitOfWork, e events.TicketBoosted) error {
		return s.issued(ctx, u, events.Ticket(e))
	})
	bus.On(ticketing, func(ctx context.Context, u app.UnitOfWork, e events.TicketRejected) error {
		return s.apply(ctx, u, e.PurchaseID, purchase.TicketRejected{Reason: e.Reason})
	})
	bus.On(ticketing, func(ctx context.Context, u app.UnitOfWork, e events.TicketVoided) error {
		return s.apply(ctx, u, e.PurchaseID, purchase.TicketVoided{Reason: e.Reason})
	})
	bus.On(ticketing, func(ctx context.Context, u app.UnitOfWork, e events.TicketKept) error {
		return s.apply(ctx, u, e.PurchaseID, purchase.TicketKept{Reason: e.Reason, PoolState: e.PoolState})
	})
	return []*bus.Router[app.UnitOfWork]{wallet, ticketing}
}

// issued records an issued or boosted ticket; a ticket id that is not a UUID can never
// be recorded and goes to the dead-letter stream.
func (s SagaEvents) issued(ctx context.Context, u app.UnitOfWork, e events.Ticket) error {
	if uuid.Validate(e.TicketID) != nil {
		return bus.Poison(fmt.Errorf("ticket_id %q is not a UUID", e.TicketID))
	}
	return s.apply(ctx, u, e.PurchaseID, purchase.TicketIssued{TicketID: e.TicketID})
}

// apply advances purchase id's saga; an event that changes nothing (a repeat, a late
// answer, an unknown purchase) is logged. A purchase id that is not a UUID is poison.
func (s SagaEvents) apply(ctx context.Context, u app.UnitOfWork, id string, e purchase.Event) error {
	if uuid.Validate(id) != nil {
		return bus.Poison(fmt.Errorf("purchase_id %q is not a UUID", id))
	}
	res, err := s.saga.Handle(ctx, u, id, e)
	env, _ := bus.EventOf(ctx)
	switch {
	case errors.Is(err, app.ErrNotFound):
		s.log.InfoContext(ctx, "purchase event for no purchase changed nothing", "type", env.Type, "msg_id", env.ID, "purchase_id", id)
		return nil
	case err != nil:
		return err
	case res.Outcome == purchase.Stale:
		s.log.InfoContext(ctx, "purchase event changed nothing", "type", env.Type, "msg_id", env.ID,
			"purchase_id", id, "status", res.Purchase.Status)
	case res.Outcome == purchase.HoldExpired:
		s.log.InfoContext(ctx, "hold placed after the purchase's hold deadline: failed", "msg_id", env.ID,
			"purchase_id", id, "hold_expires_at", res.Purchase.HoldExpiresAt)
	}
	return nil
}

// Route creates the saga's durable consumers now and runs them as components of rt, each
// batch in one transaction that tx binds to the app's unit of work.
func (s SagaEvents) Route(ctx context.Context, rt *service.Runtime, tx bus.Transactor[app.UnitOfWork]) error {
	for _, r := range s.Routers(tx) {
		if err := rt.Route(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

package purchases

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/service"
)

// Durable consumer names of the api, one per stream it reads (also their inbox consumer
// names); replicas share them.
const (
	WalletDurable    = "api-wallet"
	TicketingDurable = "api-ticketing"
)

// Consume adds the saga's consumers to rt: the wallet's hold decisions (→ CONFIRMED or
// FAILED) and ticketing's outcomes (→ ticket recorded, or REFUNDED). Each batch runs in
// one transaction with its inbox rows, so a redelivered event changes nothing.
func Consume(rt *service.Runtime) {
	s := saga{log: rt.Log}
	consume(rt, bus.ConsumerSpec{Stream: events.StreamWallet, Durable: WalletDurable,
		FilterSubjects: events.Filters(events.TypeHoldPlaced, events.TypeHoldRejected)}, s.onWallet)
	consume(rt, bus.ConsumerSpec{Stream: events.StreamTicketing, Durable: TicketingDurable,
		FilterSubjects: events.Filters(events.TypeTicketIssued, events.TypeTicketBoosted,
			events.TypeTicketRejected, events.TypeTicketVoided, events.TypeTicketKept)}, s.onTicketing)
}

// consume runs one durable consumer as a component of rt.
func consume(rt *service.Runtime, spec bus.ConsumerSpec, fn inbox.Func) {
	h := inbox.Handler(rt.DB, spec.Durable, fn)
	rt.Go("consumer "+spec.Durable, func(ctx context.Context) error { return rt.Bus.Consume(ctx, spec, h) })
}

// saga applies the other services' answers to purchases.
type saga struct {
	log *slog.Logger
}

// onWallet applies wallet.hold.placed (PENDING → CONFIRMED before the hold deadline,
// FAILED hold-expired after it) and wallet.hold.rejected (PENDING → FAILED with the
// wallet's reason).
func (s saga) onWallet(ctx context.Context, tx *gorm.DB, d bus.Delivery) error {
	switch d.Type {
	case events.TypeHoldPlaced.String():
		ev, err := decode[events.HoldPlaced](d, func(e events.HoldPlaced) string { return e.PurchaseID })
		if err != nil {
			return err
		}
		return s.held(ctx, tx, d, ev.PurchaseID)
	case events.TypeHoldRejected.String():
		ev, err := decode[events.HoldRejected](d, func(e events.HoldRejected) string { return e.PurchaseID })
		if err != nil {
			return err
		}
		return s.move(ctx, tx, d, ev.PurchaseID, StatusPending, StatusFailed, ev.Reason)
	}
	return bus.Poison(fmt.Errorf("%s: unexpected event type %q", WalletDurable, d.Type))
}

// onTicketing applies ticket.issued and ticket.boosted (the purchase's ticket recorded),
// ticket.rejected and ticket.voided (CONFIRMED → REFUNDED, once), and settles the payment
// cases of card refunds and disputes with ticketing's answer (ticket.kept among them).
func (s saga) onTicketing(ctx context.Context, tx *gorm.DB, d bus.Delivery) error {
	// The four ticket events share one body (events.Ticket); decoding as any of them reads it.
	issued, err := decode[events.TicketIssued](d, func(e events.TicketIssued) string { return e.PurchaseID })
	if err != nil {
		return err
	}
	ev := events.Ticket(issued)
	if err := s.resolveCases(ctx, tx, d.Type, ev); err != nil {
		return err
	}
	switch d.Type {
	case events.TypeTicketKept.String():
		return nil
	case events.TypeTicketIssued.String(), events.TypeTicketBoosted.String():
		if uuid.Validate(ev.TicketID) != nil {
			return bus.Poison(fmt.Errorf("%s %s: ticket_id %q is not a UUID", d.Type, d.ID, ev.TicketID))
		}
		_, err := MarkIssued(ctx, tx, ev.PurchaseID, ev.TicketID)
		return err
	case events.TypeTicketRejected.String():
		return s.move(ctx, tx, d, ev.PurchaseID, StatusConfirmed, StatusRefunded, orDefault(ev.Reason, "rejected"))
	case events.TypeTicketVoided.String():
		return s.move(ctx, tx, d, ev.PurchaseID, StatusConfirmed, StatusRefunded, orDefault(ev.Reason, "pool_cancelled"))
	}
	return bus.Poison(fmt.Errorf("%s: unexpected event type %q", TicketingDurable, d.Type))
}

// move applies one transition; an event that finds the purchase elsewhere (a repeat, or
// an unknown purchase) changes nothing and is logged.
func (s saga) move(ctx context.Context, tx *gorm.DB, d bus.Delivery, id, from, to, reason string) error {
	_, changed, err := Transition(ctx, tx, id, from, to, reason)
	if err != nil || changed {
		return err
	}
	s.log.InfoContext(ctx, "purchase event changed nothing", "type", d.Type, "msg_id", d.ID,
		"purchase_id", id, "from", from, "to", to)
	return nil
}

// held applies a placed hold; a hold for a purchase that is no longer PENDING (it failed
// at its deadline, or a repeat) changes nothing: the wallet releases it on purchase.failed.
func (s saga) held(ctx context.Context, tx *gorm.DB, d bus.Delivery, id string) error {
	p, changed, err := ConfirmHeld(ctx, tx, id)
	switch {
	case err != nil:
		return err
	case !changed:
		s.log.InfoContext(ctx, "hold placed for a purchase no longer pending", "msg_id", d.ID, "purchase_id", id)
	case p.Status == StatusFailed:
		s.log.InfoContext(ctx, "hold placed after the purchase's hold deadline: failed", "msg_id", d.ID,
			"purchase_id", id, "hold_expires_at", p.HoldExpiresAt)
	}
	return nil
}

// decode reads an event payload whose purchase id (as idOf finds it) must be a UUID;
// anything else can never be processed and goes to the dead-letter stream.
func decode[T events.Event](d bus.Delivery, idOf func(T) string) (T, error) {
	ev, err := events.Decode[T](d.Data)
	if err != nil {
		return ev, bus.Poison(fmt.Errorf("%s %s: %w", d.Type, d.ID, err))
	}
	if uuid.Validate(idOf(ev)) != nil {
		return ev, bus.Poison(fmt.Errorf("%s %s: purchase_id %q is not a UUID", d.Type, d.ID, idOf(ev)))
	}
	return ev, nil
}

// orDefault returns s, or def when s is empty.
func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

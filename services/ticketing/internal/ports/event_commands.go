package ports

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// issueTickets issues a run of api.purchase.confirmed. A purchase with invalid ids poisons
// the batch: the bus then retries the messages one by one and dead-letters that one alone.
func (c Consumers) issueTickets(ctx context.Context, tx app.Tx, es []events.PurchaseConfirmed, envs []bus.Event) error {
	ps := make([]domain.Purchase, 0, len(es))
	for i, e := range es {
		pu, err := confirmedPurchase(e)
		if err != nil {
			return bus.Poison(fmt.Errorf("purchase.confirmed %s: %w", envs[i].ID, err))
		}
		ps = append(ps, pu)
	}
	return c.App.Commands.IssueTickets.Handle(ctx, tx, ps)
}

// recordDraw records draw.draw.completed: the pool becomes DRAWN, its tickets WON or LOST.
func (c Consumers) recordDraw(ctx context.Context, tx app.Tx, e events.DrawCompleted) error {
	poolID, err := uuid.Parse(e.PoolID)
	if err != nil {
		return bus.Poison(fmt.Errorf("pool id %q: %w", e.PoolID, err))
	}
	ids := make([]string, 0, len(e.Winners))
	for _, w := range e.Winners {
		ids = append(ids, w.TicketID)
	}
	winners, err := uuids(ids)
	if err != nil {
		return bus.Poison(fmt.Errorf("winner ticket: %w", err))
	}
	return c.App.Commands.RecordDraw.Handle(ctx, tx, poolID, winners)
}

func (c Consumers) refunded(ctx context.Context, tx app.Tx, e events.PurchaseRefunded) error {
	return c.reversed(ctx, tx, e)
}

func (c Consumers) disputed(ctx context.Context, tx app.Tx, e events.PurchaseDisputed) error {
	return c.reversed(ctx, tx, events.PurchaseRefunded(e))
}

// reversed acts only on the refunds and disputes where the payment provider gave the card
// payment back (Tickup's own refunds follow from ticketing's events and need nothing more).
func (c Consumers) reversed(ctx context.Context, tx app.Tx, e events.PurchaseRefunded) error {
	if !events.ProviderReturnedMoney(e.ProviderReversal) {
		return nil
	}
	f := domain.Fields{}
	pu := domain.Purchase{PurchaseID: requiredID(f, "purchase_id", e.PurchaseID), UserID: requiredID(f, "user_id", e.UserID),
		PoolID: requiredID(f, "pool_id", e.PoolID), Type: e.Type, AmountCents: e.AmountCents, Currency: e.Currency,
		PaymentMethod: e.PaymentMethod}
	if err := f.Err(); err != nil {
		return bus.Poison(fmt.Errorf("%w %v", err, f))
	}
	return c.App.Commands.VoidReversed.Handle(ctx, tx, domain.Reversal{Purchase: pu, Reason: e.ProviderReversal})
}

func confirmedPurchase(e events.PurchaseConfirmed) (domain.Purchase, error) {
	f := domain.Fields{}
	pu := domain.Purchase{
		PurchaseID: requiredID(f, "purchase_id", e.PurchaseID), UserID: requiredID(f, "user_id", e.UserID),
		PoolID: requiredID(f, "pool_id", e.PoolID), Type: e.Type,
		TicketID: optionalID(f, "ticket_id", e.TicketID), LosingTicketID: optionalID(f, "losing_ticket_id", e.LosingTicketID),
		AmountCents: e.AmountCents, Currency: e.Currency, PaymentMethod: e.PaymentMethod,
	}
	if err := f.Err(); err != nil {
		return domain.Purchase{}, fmt.Errorf("%w %v", err, f)
	}
	return pu, nil
}

// uuids parses the ids of an event, all or nothing.
func uuids(values []string) ([]uuid.UUID, error) {
	out := make([]uuid.UUID, 0, len(values))
	for _, v := range values {
		id, err := uuid.Parse(v)
		if err != nil {
			return nil, fmt.Errorf("id %q: %w", v, err)
		}
		out = append(out, id)
	}
	return out, nil
}

package app

import (
	"context"
	"fmt"
	"log/slog"

	"tickup.dev/services/api/internal/domain/purchase"
)

// AdvanceSaga applies one event to a purchase: it loads the purchase under its lock, asks
// purchase.Next what follows, saves it and carries out the commands, all in the caller's
// unit of work. Event consumers and payment webhooks both come here, so the rules live in
// Next only.
type AdvanceSaga struct {
	log *slog.Logger
}

// Result is a purchase after an event, and what the event did.
type Result struct {
	Purchase purchase.Purchase
	Outcome  purchase.Outcome
}

// Handle applies e to purchase id; ErrNotFound when there is no such purchase, a
// purchase refusal (purchase.ErrTxnMismatch, …) with the purchase as read.
func (h AdvanceSaga) Handle(ctx context.Context, u UnitOfWork, id string, e purchase.Event) (Result, error) {
	var res Result
	p, err := u.Purchases.Update(ctx, id, func(p *purchase.Purchase) error {
		var err error
		res.Outcome, err = advance(ctx, h.log, u, p, e, Source{})
		return err
	})
	res.Purchase = p
	return res, err
}

// Source is the provider's event behind a payment case.
type Source struct {
	Provider, EventID, EventType string
	AmountCents                  int64
	Currency                     string
}

// advance runs Next on p, leaves p as it must be saved and carries out the commands.
func advance(ctx context.Context, log *slog.Logger, u UnitOfWork, p *purchase.Purchase, e purchase.Event, src Source) (purchase.Outcome, error) {
	d, err := purchase.Next(*p, e)
	if err != nil {
		return d.Outcome, err
	}
	*p = d.Purchase
	for _, c := range d.Commands {
		if err := carryOut(ctx, log, u, *p, c, src); err != nil {
			return d.Outcome, fmt.Errorf("purchase %s, %s: %w", p.ID, purchase.Name(e), err)
		}
	}
	return d.Outcome, nil
}

// carryOut does what one command of Next says.
func carryOut(ctx context.Context, log *slog.Logger, u UnitOfWork, p purchase.Purchase, c purchase.Command, src Source) error {
	switch c := c.(type) {
	case purchase.Announce:
		return u.Outbox.Add(ctx, p.ID, statusEvent(p, c.ProviderReversal))
	case purchase.RecordCase:
		if c.Resolution == purchase.CaseOperatorReview {
			log.ErrorContext(ctx, "card refund or dispute needs an operator", "provider", src.Provider, "event_id", src.EventID,
				"purchase_id", p.ID, "status", p.Status, "kind", c.Kind, "amount_cents", src.AmountCents, "detail", c.Detail)
		}
		return u.Cases.Record(ctx, Case{PurchaseID: p.ID, Provider: src.Provider, EventID: src.EventID,
			EventType: src.EventType, Kind: c.Kind, AmountCents: src.AmountCents, Currency: src.Currency,
			PurchaseStatus: p.Status, Resolution: c.Resolution, Detail: c.Detail})
	case purchase.ResolveCases:
		n, err := u.Cases.Resolve(ctx, p.ID, c)
		if err == nil && n > 0 && c.Resolution == purchase.CaseOperatorReview {
			log.ErrorContext(ctx, "card refund or dispute needs an operator", "purchase_id", p.ID,
				"pool_id", p.PoolID, "pool_state", c.PoolState, "detail", c.Detail)
		}
		return err
	}
	return fmt.Errorf("unknown command %T", c)
}

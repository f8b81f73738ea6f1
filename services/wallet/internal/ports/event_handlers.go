package ports

import (
	"context"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/app"
)

// eventHandlers map each event the wallet consumes to the use case it triggers.
type eventHandlers struct {
	app *app.App
}

func (h eventHandlers) purchaseCreated(ctx context.Context, st *adapters.Store, e events.PurchaseCreated) error {
	p, err := purchaseOf(events.Purchase(e))
	if err != nil {
		return err
	}
	return h.app.PurchaseCreated(ctx, st, p)
}

func (h eventHandlers) purchaseConfirmed(ctx context.Context, st *adapters.Store, e events.PurchaseConfirmed) error {
	p, err := purchaseOf(events.Purchase(e))
	if err != nil {
		return err
	}
	return h.app.PurchaseConfirmed(ctx, st, p)
}

func (h eventHandlers) purchaseFailed(ctx context.Context, st *adapters.Store, e events.PurchaseFailed) error {
	p, err := purchaseOf(events.Purchase(e))
	if err != nil {
		return err
	}
	return h.app.PurchaseFailed(ctx, st, p)
}

func (h eventHandlers) ticketIssued(ctx context.Context, st *adapters.Store, e events.TicketIssued) error {
	t, err := ticketOf(events.Ticket(e))
	if err != nil {
		return err
	}
	return h.app.TicketIssued(ctx, st, t)
}

func (h eventHandlers) ticketBoosted(ctx context.Context, st *adapters.Store, e events.TicketBoosted) error {
	t, err := ticketOf(events.Ticket(e))
	if err != nil {
		return err
	}
	return h.app.TicketIssued(ctx, st, t)
}

func (h eventHandlers) ticketRejected(ctx context.Context, st *adapters.Store, e events.TicketRejected) error {
	t, err := ticketOf(events.Ticket(e))
	if err != nil {
		return err
	}
	return h.app.TicketRejected(ctx, st, t)
}

func (h eventHandlers) ticketVoided(ctx context.Context, st *adapters.Store, e events.TicketVoided) error {
	t, err := ticketOf(events.Ticket(e))
	if err != nil {
		return err
	}
	return h.app.TicketVoided(ctx, st, t)
}

func (h eventHandlers) topupProcessing(ctx context.Context, st *adapters.Store, e events.TopupProcessing) error {
	o, err := topupOutcomeOf(events.Topup(e))
	if err != nil {
		return err
	}
	return h.app.TopupProcessing(ctx, st, o)
}

func (h eventHandlers) topupSucceeded(ctx context.Context, st *adapters.Store, e events.TopupSucceeded) error {
	o, err := topupOutcomeOf(events.Topup(e))
	if err != nil {
		return err
	}
	return h.app.TopupSucceeded(ctx, st, o)
}

func (h eventHandlers) topupFailed(ctx context.Context, st *adapters.Store, e events.TopupFailed) error {
	o, err := topupOutcomeOf(events.Topup(e))
	if err != nil {
		return err
	}
	return h.app.TopupFailed(ctx, st, o)
}

func (h eventHandlers) withdrawalSucceeded(ctx context.Context, st *adapters.Store, e events.WithdrawalSucceeded) error {
	o, err := withdrawalOutcomeOf(events.Withdrawal(e))
	if err != nil {
		return err
	}
	return h.app.WithdrawalSucceeded(ctx, st, o)
}

func (h eventHandlers) withdrawalFailed(ctx context.Context, st *adapters.Store, e events.WithdrawalFailed) error {
	o, err := withdrawalOutcomeOf(events.Withdrawal(e))
	if err != nil {
		return err
	}
	return h.app.WithdrawalFailed(ctx, st, o)
}

func (h eventHandlers) drawCompleted(ctx context.Context, st *adapters.Store, e events.DrawCompleted) error {
	d, err := drawOf(e)
	if err != nil {
		return err
	}
	return h.app.DrawCompleted(ctx, st, d)
}

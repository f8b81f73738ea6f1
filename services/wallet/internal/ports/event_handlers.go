package ports

import (
	"context"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/app"
)

// The event handlers: each maps an event the wallet consumes to the command it triggers.

func placeHold(ctx context.Context, a app.Application, e events.PurchaseCreated) error {
	p, err := purchaseOf(events.Purchase(e))
	if err != nil {
		return err
	}
	return a.Commands.PlaceHold.Handle(ctx, p)
}

func confirmHold(ctx context.Context, a app.Application, e events.PurchaseConfirmed) error {
	p, err := purchaseOf(events.Purchase(e))
	if err != nil {
		return err
	}
	return a.Commands.ConfirmHold.Handle(ctx, p)
}

func releaseHold(ctx context.Context, a app.Application, e events.PurchaseFailed) error {
	p, err := purchaseOf(events.Purchase(e))
	if err != nil {
		return err
	}
	return a.Commands.ReleaseHold.Handle(ctx, p)
}

func captureIssued(ctx context.Context, a app.Application, e events.TicketIssued) error {
	t, err := ticketOf(events.Ticket(e))
	if err != nil {
		return err
	}
	return a.Commands.CaptureHold.Handle(ctx, t)
}

func captureBoosted(ctx context.Context, a app.Application, e events.TicketBoosted) error {
	t, err := ticketOf(events.Ticket(e))
	if err != nil {
		return err
	}
	return a.Commands.CaptureHold.Handle(ctx, t)
}

func unwindRejected(ctx context.Context, a app.Application, e events.TicketRejected) error {
	t, err := ticketOf(events.Ticket(e))
	if err != nil {
		return err
	}
	return a.Commands.UnwindPurchase.Handle(ctx, app.Unwind{Ticket: t, Cause: app.CauseTicketRejected})
}

func unwindVoided(ctx context.Context, a app.Application, e events.TicketVoided) error {
	t, err := ticketOf(events.Ticket(e))
	if err != nil {
		return err
	}
	return a.Commands.UnwindPurchase.Handle(ctx, app.Unwind{Ticket: t, Cause: app.CauseTicketVoided})
}

func markTopupProcessing(ctx context.Context, a app.Application, e events.TopupProcessing) error {
	o, err := topupOutcomeOf(events.Topup(e))
	if err != nil {
		return err
	}
	return a.Commands.MarkTopupProcessing.Handle(ctx, o)
}

func creditTopup(ctx context.Context, a app.Application, e events.TopupSucceeded) error {
	o, err := topupOutcomeOf(events.Topup(e))
	if err != nil {
		return err
	}
	return a.Commands.CreditTopup.Handle(ctx, o)
}

func failTopup(ctx context.Context, a app.Application, e events.TopupFailed) error {
	o, err := topupOutcomeOf(events.Topup(e))
	if err != nil {
		return err
	}
	return a.Commands.FailTopup.Handle(ctx, o)
}

func completeWithdrawal(ctx context.Context, a app.Application, e events.WithdrawalSucceeded) error {
	o, err := withdrawalOutcomeOf(events.Withdrawal(e))
	if err != nil {
		return err
	}
	return a.Commands.CompleteWithdrawal.Handle(ctx, o)
}

func failWithdrawal(ctx context.Context, a app.Application, e events.WithdrawalFailed) error {
	o, err := withdrawalOutcomeOf(events.Withdrawal(e))
	if err != nil {
		return err
	}
	return a.Commands.FailWithdrawal.Handle(ctx, o)
}

func payPrizes(ctx context.Context, a app.Application, e events.DrawCompleted) error {
	d, err := drawOf(e)
	if err != nil {
		return err
	}
	return a.Commands.PayPrizes.Handle(ctx, d)
}

package ports

import (
	"context"
	"fmt"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/app"
)

// job is one decoded message: the wallets it touches (locked up front) and its effect.
type job struct {
	typ, id string
	users   []string
	run     func(ctx context.Context, st *adapters.Store) error
}

// decoder turns a payload into a job, or says why it never can.
type decoder func(data []byte) (job, error)

// routes maps every event type the wallet consumes to its decoder and use case.
func routes(a *app.App) map[string]decoder {
	return map[string]decoder{
		events.TypePurchaseCreated.String():     purchase(func(e events.PurchaseCreated) events.Purchase { return events.Purchase(e) }, a.PurchaseCreated),
		events.TypePurchaseConfirmed.String():   purchase(func(e events.PurchaseConfirmed) events.Purchase { return events.Purchase(e) }, a.PurchaseConfirmed),
		events.TypePurchaseFailed.String():      purchase(func(e events.PurchaseFailed) events.Purchase { return events.Purchase(e) }, a.PurchaseFailed),
		events.TypeTicketIssued.String():        ticket(func(e events.TicketIssued) events.Ticket { return events.Ticket(e) }, a.TicketIssued),
		events.TypeTicketBoosted.String():       ticket(func(e events.TicketBoosted) events.Ticket { return events.Ticket(e) }, a.TicketIssued),
		events.TypeTicketRejected.String():      ticket(func(e events.TicketRejected) events.Ticket { return events.Ticket(e) }, a.TicketRejected),
		events.TypeTicketVoided.String():        ticket(func(e events.TicketVoided) events.Ticket { return events.Ticket(e) }, a.TicketVoided),
		events.TypeTopupProcessing.String():     topup(func(e events.TopupProcessing) events.Topup { return events.Topup(e) }, a.TopupProcessing),
		events.TypeTopupSucceeded.String():      topup(func(e events.TopupSucceeded) events.Topup { return events.Topup(e) }, a.TopupSucceeded),
		events.TypeTopupFailed.String():         topup(func(e events.TopupFailed) events.Topup { return events.Topup(e) }, a.TopupFailed),
		events.TypeWithdrawalSucceeded.String(): withdrawal(func(e events.WithdrawalSucceeded) events.Withdrawal { return events.Withdrawal(e) }, a.WithdrawalSucceeded),
		events.TypeWithdrawalFailed.String():    withdrawal(func(e events.WithdrawalFailed) events.Withdrawal { return events.Withdrawal(e) }, a.WithdrawalFailed),
		events.TypeDrawCompleted.String():       drawCompleted(a.DrawCompleted),
	}
}

// handlerFunc is a use case that runs inside the batch's transaction.
type handlerFunc[C any] func(ctx context.Context, st *adapters.Store, cmd C) error

// bind makes a job of cmd for use case h.
func bind[C any](h handlerFunc[C], cmd C, users ...string) job {
	return job{users: users, run: func(ctx context.Context, st *adapters.Store) error { return h(ctx, st, cmd) }}
}

// checkIDs says which named id is not a UUID.
func checkIDs(ids map[string]string) error {
	for field, id := range ids {
		if !isID(id) {
			return fmt.Errorf("%s %q is not a UUID", field, id)
		}
	}
	return nil
}

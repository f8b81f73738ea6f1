package ports

import (
	"context"
	"errors"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

// Durable consumer names, one per stream the wallet reads; replicas share them. Deployed
// consumers keep their state under these names: do not rename them.
const (
	DurableAPI       = events.DurableWalletAPI
	DurableTicketing = events.DurableWalletTicketing
	DurableDraw      = events.DurableWalletDraw
)

// Routers returns the wallet's three consumers. Each batch runs in one transaction of tx,
// the handlers' unit of work being the application over that transaction: the inbox skips
// messages handled before, the wallets the batch touches are locked in user id order (so
// concurrent batches cannot deadlock), then each event runs in delivery order.
func Routers(tx bus.Transactor[app.Application]) []*bus.Router[app.Application] {
	api := newRouter(DurableAPI, tx)
	bus.On(api, placeHold)
	bus.On(api, confirmHold)
	bus.On(api, releaseHold)
	bus.On(api, markTopupProcessing)
	bus.On(api, creditTopup)
	bus.On(api, failTopup)
	bus.On(api, completeWithdrawal)
	bus.On(api, failWithdrawal)
	ticketing := newRouter(DurableTicketing, tx)
	bus.On(ticketing, captureIssued)
	bus.On(ticketing, captureBoosted)
	bus.On(ticketing, unwindRejected)
	bus.On(ticketing, unwindVoided)
	draw := newRouter(DurableDraw, tx)
	bus.On(draw, payPrizes)
	return []*bus.Router[app.Application]{api, ticketing, draw}
}

func newRouter(durable string, tx bus.Transactor[app.Application]) *bus.Router[app.Application] {
	r := bus.NewRouter(bus.ConsumerSpec{Durable: durable}, tx)
	r.BeforeEach(lockWallets)
	r.Permanent(func(err error) bool { return errors.Is(err, domain.ErrInconsistent) })
	return r
}

// lockWallets locks the wallets of every user the batch names, in user id order.
func lockWallets(ctx context.Context, a app.Application, batch []bus.Event) error {
	var users []string
	for _, ev := range batch {
		users = append(users, walletOwners(ev.Payload)...)
	}
	return a.Commands.LockWallets.Handle(ctx, users)
}

// walletOwners are the users whose wallets an event touches; ids that are not UUIDs are
// left out (their handler refuses the event).
func walletOwners(p events.Event) []string {
	var users []string
	switch e := p.(type) {
	case events.PurchaseCreated:
		users = []string{e.UserID}
	case events.PurchaseConfirmed:
		users = []string{e.UserID}
	case events.PurchaseFailed:
		users = []string{e.UserID}
	case events.TicketIssued:
		users = []string{e.UserID}
	case events.TicketBoosted:
		users = []string{e.UserID}
	case events.TicketRejected:
		users = []string{e.UserID}
	case events.TicketVoided:
		users = []string{e.UserID}
	case events.TopupProcessing:
		users = []string{e.UserID}
	case events.TopupSucceeded:
		users = []string{e.UserID}
	case events.TopupFailed:
		users = []string{e.UserID}
	case events.WithdrawalSucceeded:
		users = []string{e.UserID}
	case events.WithdrawalFailed:
		users = []string{e.UserID}
	case events.DrawCompleted:
		for _, w := range e.Winners {
			users = append(users, w.UserID)
		}
	}
	out := users[:0]
	for _, u := range users {
		if isID(u) {
			out = append(out, u)
		}
	}
	return out
}

package ports

import (
	"context"
	"errors"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
)

// Durable consumer names, one per stream the wallet reads; replicas share them. Deployed
// consumers keep their state under these names: do not rename them.
const (
	DurableAPI       = "wallet-api"
	DurableTicketing = "wallet-ticketing"
	DurableDraw      = "wallet-draw"
)

// Routers returns the wallet's three consumers. Each batch runs in one transaction of tx:
// the inbox skips messages handled before, the wallets the batch touches are locked in user
// id order (so concurrent batches cannot deadlock), then each event runs in delivery order.
func Routers(tx bus.Transactor[*adapters.Store], a *app.App) []*bus.Router[*adapters.Store] {
	h := eventHandlers{app: a}
	api := newRouter(DurableAPI, tx)
	bus.On(api, h.purchaseCreated)
	bus.On(api, h.purchaseConfirmed)
	bus.On(api, h.purchaseFailed)
	bus.On(api, h.topupProcessing)
	bus.On(api, h.topupSucceeded)
	bus.On(api, h.topupFailed)
	bus.On(api, h.withdrawalSucceeded)
	bus.On(api, h.withdrawalFailed)
	ticketing := newRouter(DurableTicketing, tx)
	bus.On(ticketing, h.ticketIssued)
	bus.On(ticketing, h.ticketBoosted)
	bus.On(ticketing, h.ticketRejected)
	bus.On(ticketing, h.ticketVoided)
	draw := newRouter(DurableDraw, tx)
	bus.On(draw, h.drawCompleted)
	return []*bus.Router[*adapters.Store]{api, ticketing, draw}
}

func newRouter(durable string, tx bus.Transactor[*adapters.Store]) *bus.Router[*adapters.Store] {
	r := bus.NewRouter(bus.ConsumerSpec{Durable: durable}, tx)
	r.BeforeEach(lockWallets)
	r.Permanent(func(err error) bool { return errors.Is(err, domain.ErrInconsistent) })
	return r
}

// lockWallets locks the wallets of every user the batch names, in user id order.
func lockWallets(ctx context.Context, st *adapters.Store, batch []bus.Event) error {
	var users []string
	for _, ev := range batch {
		users = append(users, walletOwners(ev.Payload)...)
	}
	return st.LockUsers(ctx, users)
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

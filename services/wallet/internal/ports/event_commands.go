package ports

import (
	"fmt"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/app"
)

// The conversions from events to the app's commands. An id that is not a UUID can never be
// handled: the event is poison and goes to the dead-letter stream at once.

func purchaseOf(p events.Purchase) (app.Purchase, error) {
	if err := checkIDs(map[string]string{"purchase_id": p.PurchaseID, "user_id": p.UserID}); err != nil {
		return app.Purchase{}, err
	}
	if !optionalID(p.PoolID) {
		p.PoolID = ""
	}
	return app.Purchase{PurchaseID: p.PurchaseID, UserID: p.UserID, PoolID: p.PoolID, AmountCents: p.AmountCents,
		Currency: p.Currency, Method: p.PaymentMethod, Reason: p.Reason, HoldExpiresAt: p.HoldExpiresAt}, nil
}

func ticketOf(t events.Ticket) (app.Ticket, error) {
	ids := map[string]string{"purchase_id": t.PurchaseID, "user_id": t.UserID, "pool_id": t.PoolID}
	if t.TicketID != "" {
		ids["ticket_id"] = t.TicketID
	}
	if err := checkIDs(ids); err != nil {
		return app.Ticket{}, err
	}
	return app.Ticket{TicketID: t.TicketID, PurchaseID: t.PurchaseID, PoolID: t.PoolID, UserID: t.UserID,
		AmountCents: t.AmountCents, Currency: t.Currency, Method: t.PaymentMethod, Reason: t.Reason}, nil
}

func topupOutcomeOf(t events.Topup) (app.ProviderOutcome, error) {
	if err := checkIDs(map[string]string{"topup_id": t.TopupID}); err != nil {
		return app.ProviderOutcome{}, err
	}
	return app.ProviderOutcome{ID: t.TopupID, Provider: t.Provider, EventID: t.ProviderEventID, TxnID: t.ProviderTxnID,
		AmountCents: t.AmountCents, Currency: t.Currency, Reason: t.Reason}, nil
}

func withdrawalOutcomeOf(w events.Withdrawal) (app.ProviderOutcome, error) {
	if err := checkIDs(map[string]string{"withdrawal_id": w.WithdrawalID}); err != nil {
		return app.ProviderOutcome{}, err
	}
	return app.ProviderOutcome{ID: w.WithdrawalID, Provider: w.Provider, EventID: w.ProviderEventID, TxnID: w.ProviderTxnID,
		AmountCents: w.AmountCents, Currency: w.Currency, Reason: w.Reason}, nil
}

func drawOf(e events.DrawCompleted) (app.Draw, error) {
	d := app.Draw{DrawID: e.DrawID, PoolID: e.PoolID, PrizeType: e.PrizeType, PrizeValueCents: e.PrizeValueCents,
		Currency: e.Currency}
	for _, w := range e.Winners {
		if err := checkIDs(map[string]string{"pool_id": e.PoolID, "ticket_id": w.TicketID, "user_id": w.UserID}); err != nil {
			return app.Draw{}, err
		}
		d.Winners = append(d.Winners, app.Winner{Tier: w.Tier, TicketID: w.TicketID, UserID: w.UserID})
	}
	return d, nil
}

// checkIDs says, as poison, which named id is not a UUID.
func checkIDs(ids map[string]string) error {
	for field, id := range ids {
		if !isID(id) {
			return bus.Poison(fmt.Errorf("%s %q is not a UUID", field, id))
		}
	}
	return nil
}

package ports

import (
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/app"
)

func purchase[T events.Event](base func(T) events.Purchase, h handlerFunc[app.Purchase]) decoder {
	return func(data []byte) (job, error) {
		ev, err := events.Decode[T](data)
		if err != nil {
			return job{}, err
		}
		p := base(ev)
		if err := checkIDs(map[string]string{"purchase_id": p.PurchaseID, "user_id": p.UserID}); err != nil {
			return job{}, err
		}
		if !optionalID(p.PoolID) {
			p.PoolID = ""
		}
		return bind(h, app.Purchase{PurchaseID: p.PurchaseID, UserID: p.UserID, PoolID: p.PoolID,
			AmountCents: p.AmountCents, Currency: p.Currency, Method: p.PaymentMethod, Reason: p.Reason,
			HoldExpiresAt: p.HoldExpiresAt}, p.UserID), nil
	}
}

func ticket[T events.Event](base func(T) events.Ticket, h handlerFunc[app.Ticket]) decoder {
	return func(data []byte) (job, error) {
		ev, err := events.Decode[T](data)
		if err != nil {
			return job{}, err
		}
		t := base(ev)
		ids := map[string]string{"purchase_id": t.PurchaseID, "user_id": t.UserID, "pool_id": t.PoolID}
		if t.TicketID != "" {
			ids["ticket_id"] = t.TicketID
		}
		if err := checkIDs(ids); err != nil {
			return job{}, err
		}
		return bind(h, app.Ticket{TicketID: t.TicketID, PurchaseID: t.PurchaseID, PoolID: t.PoolID, UserID: t.UserID,
			AmountCents: t.AmountCents, Currency: t.Currency, Method: t.PaymentMethod, Reason: t.Reason}, t.UserID), nil
	}
}

func topup[T events.Event](base func(T) events.Topup, h handlerFunc[app.ProviderOutcome]) decoder {
	return func(data []byte) (job, error) {
		ev, err := events.Decode[T](data)
		if err != nil {
			return job{}, err
		}
		t := base(ev)
		if err := checkIDs(map[string]string{"topup_id": t.TopupID}); err != nil {
			return job{}, err
		}
		o := app.ProviderOutcome{ID: t.TopupID, Provider: t.Provider, EventID: t.ProviderEventID, TxnID: t.ProviderTxnID,
			AmountCents: t.AmountCents, Currency: t.Currency, Reason: t.Reason}
		return bind(h, o, knownUser(t.UserID)...), nil
	}
}

func withdrawal[T events.Event](base func(T) events.Withdrawal, h handlerFunc[app.ProviderOutcome]) decoder {
	return func(data []byte) (job, error) {
		ev, err := events.Decode[T](data)
		if err != nil {
			return job{}, err
		}
		w := base(ev)
		if err := checkIDs(map[string]string{"withdrawal_id": w.WithdrawalID}); err != nil {
			return job{}, err
		}
		o := app.ProviderOutcome{ID: w.WithdrawalID, Provider: w.Provider, EventID: w.ProviderEventID, TxnID: w.ProviderTxnID,
			AmountCents: w.AmountCents, Currency: w.Currency, Reason: w.Reason}
		return bind(h, o, knownUser(w.UserID)...), nil
	}
}

func drawCompleted(h handlerFunc[app.Draw]) decoder {
	return func(data []byte) (job, error) {
		ev, err := events.Decode[events.DrawCompleted](data)
		if err != nil {
			return job{}, err
		}
		d := app.Draw{DrawID: ev.DrawID, PoolID: ev.PoolID, PrizeType: ev.PrizeType, PrizeValueCents: ev.PrizeValueCents,
			Currency: ev.Currency}
		users := make([]string, 0, len(ev.Winners))
		for _, w := range ev.Winners {
			if err := checkIDs(map[string]string{"pool_id": ev.PoolID, "ticket_id": w.TicketID, "user_id": w.UserID}); err != nil {
				return job{}, err
			}
			d.Winners = append(d.Winners, app.Winner{Tier: w.Tier, TicketID: w.TicketID, UserID: w.UserID})
			users = append(users, w.UserID)
		}
		return bind(h, d, users...), nil
	}
}

// knownUser lists userID for up-front locking when the event names a valid one.
func knownUser(userID string) []string {
	if isID(userID) {
		return []string{userID}
	}
	return nil
}

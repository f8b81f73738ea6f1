package app

import (
	"context"
	"fmt"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// TicketRejected undoes the payment of a purchase ticketing refused: a wallet-paid purchase's
// active hold is released (no money moved); a card-paid purchase is refunded as store credit.
func (a *App) TicketRejected(ctx context.Context, st *adapters.Store, t Ticket) error {
	return a.unwind(ctx, st, t, "ticket rejected")
}

// TicketVoided refunds the purchase of a voided ticket (its pool was cancelled) once:
// card-paid and captured wallet-paid alike. A wallet-paid purchase whose hold is still
// active is released instead. A ticket voided because its card payment was refunded or
// disputed at the provider is not refunded again.
func (a *App) TicketVoided(ctx context.Context, st *adapters.Store, t Ticket) error {
	return a.unwind(ctx, st, t, "ticket voided")
}

// unwind gives a purchase's money back by the cheapest true route: a purchase with a hold
// is wallet-paid (release it if active, refund it if captured, nothing if released); one
// without is card-paid and refunded unless ticketing says it was wallet-paid.
func (a *App) unwind(ctx context.Context, st *adapters.Store, t Ticket, why string) error {
	if events.ProviderReturnedMoney(t.Reason) && !walletPaid(t.Method) {
		// The card refund or chargeback already gave the money back: store credit would pay twice.
		a.log.Info("no refund: the payment provider gave the card payment back", "purchase_id", t.PurchaseID,
			"ticket_id", t.TicketID, "reason", t.Reason)
		return nil
	}
	ph, err := a.lockPurchase(ctx, st, t.UserID, t.PurchaseID)
	if err != nil {
		return err
	}
	if t.Reason != "" {
		why += ": " + t.Reason
	}
	switch {
	case !ph.found && walletPaid(t.Method):
		return fmt.Errorf("%w: purchase %s", domain.ErrHoldMissing, t.PurchaseID)
	case !ph.found:
		return a.refund(ctx, st, t, t.AmountCents, t.Currency, why)
	case ph.hold.Status == domain.HoldCaptured:
		return a.refund(ctx, st, t, ph.hold.AmountCents, ph.hold.Currency, why)
	case ph.hold.Release(why, a.now()):
		return st.SaveHold(ctx, ph.hold)
	}
	return nil
}

// refund credits what is left to give back of a purchase that cost paid, as CREDIT REFUND
// POSTED, at most once per purchase (a unique index skips the second). What was given back
// before (a capture an admin reversed) is deducted, so a purchase never gets more back than
// it cost. Suspended wallets still receive refunds.
func (a *App) refund(ctx context.Context, st *adapters.Store, t Ticket, paid int64, currency, why string) error {
	if paid <= 0 {
		a.log.Warn("nothing to refund", "purchase_id", t.PurchaseID, "amount_cents", paid)
		return nil
	}
	acct, err := st.EnsureAccount(ctx, t.UserID, currencyOr(currency, a.cfg.DefaultCurrency))
	if err != nil {
		return err
	}
	if err := acct.CanReceive(currency); err != nil {
		return fmt.Errorf("%w: refund of purchase %s: %w", domain.ErrInconsistent, t.PurchaseID, err)
	}
	money, err := st.PurchaseMoney(ctx, t.PurchaseID)
	if err != nil {
		return err
	}
	amount := money.Refundable(paid)
	if amount == 0 {
		a.log.Info("purchase given back before; no refund", "purchase_id", t.PurchaseID, "given_back_cents", money.GivenBack)
		return nil
	}
	e := domain.NewEntry(acct, domain.Credit, domain.ReasonRefund, amount, false, a.now())
	e.RefPurchaseID, e.RefPoolID, e.RefTicketID, e.Note = t.PurchaseID, t.PoolID, t.TicketID, why
	_, err = a.post(ctx, st, acct, &e)
	return err
}

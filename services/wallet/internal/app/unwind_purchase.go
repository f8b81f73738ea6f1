package app

import (
	"context"
	"fmt"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/domain"
)

// Why a purchase is unwound, as its release or refund records it.
const (
	CauseTicketRejected = "ticket rejected" // ticketing refused the purchase
	CauseTicketVoided   = "ticket voided"   // the ticket's pool was cancelled (or its card payment given back)
)

// Unwind asks to give back the money of ticket's purchase, for Cause.
type Unwind struct {
	Ticket
	Cause string // CauseTicketRejected or CauseTicketVoided
}

// UnwindPurchase gives a purchase's money back by the cheapest true route: a purchase with a
// hold is wallet-paid (release it if active, refund it once if captured, nothing if
// released); one without is card-paid and refunded as store credit unless ticketing says it
// was wallet-paid. A ticket voided because its card payment was refunded or disputed at the
// provider is not refunded again. Triggered by ticket.rejected and ticket.voided.
type UnwindPurchase struct{ deps }

// Handle unwinds the purchase of u.Ticket.
func (h UnwindPurchase) Handle(ctx context.Context, u Unwind) error {
	t, why := u.Ticket, u.Cause
	if events.ProviderReturnedMoney(t.Reason) && !walletPaid(t.Method) {
		// The card refund or chargeback already gave the money back: store credit would pay twice.
		h.log.Info("no refund: the payment provider gave the card payment back", "purchase_id", t.PurchaseID,
			"ticket_id", t.TicketID, "reason", t.Reason)
		return nil
	}
	if t.Reason != "" {
		why += ": " + t.Reason
	}
	return h.store.InTx(ctx, func(st Books) error {
		ph, err := h.lockPurchase(ctx, st, t.UserID, t.PurchaseID)
		if err != nil {
			return err
		}
		switch {
		case !ph.found && walletPaid(t.Method):
			return fmt.Errorf("%w: purchase %s", domain.ErrHoldMissing, t.PurchaseID)
		case !ph.found:
			return h.refund(ctx, st, t, t.AmountCents, t.Currency, why)
		case ph.hold.Status == domain.HoldCaptured:
			return h.refund(ctx, st, t, ph.hold.AmountCents, ph.hold.Currency, why)
		case ph.hold.Release(why, h.now()):
			return st.SaveHold(ctx, ph.hold)
		}
		return nil
	})
}

// refund credits what is left to give back of a purchase that cost paid, as CREDIT REFUND
// POSTED, at most once per purchase (a unique index skips the second). What was given back
// before (a capture an admin reversed) is deducted, so a purchase never gets more back than
// it cost. Suspended wallets still receive refunds.
func (h UnwindPurchase) refund(ctx context.Context, st Books, t Ticket, paid int64, currency, why string) error {
	if paid <= 0 {
		h.log.Warn("nothing to refund", "purchase_id", t.PurchaseID, "amount_cents", paid)
		return nil
	}
	acct, err := st.EnsureAccount(ctx, t.UserID, currencyOr(currency, h.cfg.DefaultCurrency))
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
		h.log.Info("purchase given back before; no refund", "purchase_id", t.PurchaseID, "given_back_cents", money.GivenBack)
		return nil
	}
	e := domain.NewEntry(acct, domain.Credit, domain.ReasonRefund, amount, false, h.now())
	e.RefPurchaseID, e.RefPoolID, e.RefTicketID, e.Note = t.PurchaseID, t.PoolID, t.TicketID, why
	_, err = h.post(ctx, st, acct, &e)
	return err
}

package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/domain"
)

// TicketIssued captures a wallet-paid purchase's hold once its ticket exists (ticket.issued,
// or ticket.boosted for a BOOST): a DEBIT TICKET_PURCHASE POSTED entry with the purchase,
// pool and ticket, the hold CAPTURED, the balance moved, all in one transaction. A hold
// captured before is left alone; a released one can never be captured. A card-paid purchase
// has nothing to capture here.
func (a *App) TicketIssued(ctx context.Context, st *adapters.Store, t Ticket) error {
	ph, err := a.lockPurchase(ctx, st, t.UserID, t.PurchaseID)
	if err != nil {
		return err
	}
	if !ph.found {
		if walletPaid(t.Method) {
			return fmt.Errorf("%w: purchase %s", domain.ErrHoldMissing, t.PurchaseID)
		}
		return nil
	}
	capturable, err := ph.hold.Capturable()
	if err != nil {
		a.log.Error("ticket issued for a purchase whose hold cannot be captured", "purchase_id", t.PurchaseID,
			"ticket_id", t.TicketID, "err", err)
		return nil
	}
	if !capturable {
		return nil
	}
	return a.capture(ctx, st, ph, t)
}

func (a *App) capture(ctx context.Context, st *adapters.Store, ph purchaseHold, t Ticket) error {
	now := a.now()
	e := domain.NewEntry(ph.acct, domain.Debit, domain.ReasonTicketPurchase, ph.hold.AmountCents, false, now)
	e.RefPurchaseID, e.RefPoolID, e.RefTicketID = t.PurchaseID, t.PoolID, t.TicketID
	if t.AmountCents != 0 && t.AmountCents != ph.hold.AmountCents {
		a.log.Warn("ticket amount differs from the hold; capturing the hold", "purchase_id", t.PurchaseID,
			"ticket_amount_cents", t.AmountCents, "hold_amount_cents", ph.hold.AmountCents)
	}
	if err := a.mustPost(ctx, st, ph.acct, &e); err != nil {
		return err
	}
	ph.hold.MarkCaptured(e.EntryID, now)
	return st.SaveHold(ctx, ph.hold)
}

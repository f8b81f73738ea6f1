package app

import (
	"context"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// CaptureHold captures a wallet-paid purchase's hold once its ticket exists: a DEBIT
// TICKET_PURCHASE POSTED entry with the purchase, pool and ticket, the hold CAPTURED, the
// balance moved, all in one transaction. A hold captured before is left alone; a released
// one can never be captured. A card-paid purchase has nothing to capture here. Triggered by
// ticket.issued, and ticket.boosted for a BOOST.
type CaptureHold struct{ deps }

// Handle captures the hold of ticket t's purchase.
func (h CaptureHold) Handle(ctx context.Context, t Ticket) error {
	return h.store.InTx(ctx, func(st Books) error {
		ph, err := h.lockPurchase(ctx, st, t.UserID, t.PurchaseID)
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
			h.log.Error("ticket issued for a purchase whose hold cannot be captured", "purchase_id", t.PurchaseID,
				"ticket_id", t.TicketID, "err", err)
			return nil
		}
		if !capturable {
			return nil
		}
		return h.capture(ctx, st, ph, t)
	})
}

func (h CaptureHold) capture(ctx context.Context, st Books, ph purchaseHold, t Ticket) error {
	now := h.now()
	e := domain.NewEntry(ph.acct, domain.Debit, domain.ReasonTicketPurchase, ph.hold.AmountCents, false, now)
	e.RefPurchaseID, e.RefPoolID, e.RefTicketID = t.PurchaseID, t.PoolID, t.TicketID
	if t.AmountCents != 0 && t.AmountCents != ph.hold.AmountCents {
		h.log.Warn("ticket amount differs from the hold; capturing the hold", "purchase_id", t.PurchaseID,
			"ticket_amount_cents", t.AmountCents, "hold_amount_cents", ph.hold.AmountCents)
	}
	if err := h.mustPost(ctx, st, ph.acct, &e); err != nil {
		return err
	}
	ph.hold.MarkCaptured(e.EntryID, now)
	return st.SaveHold(ctx, ph.hold)
}

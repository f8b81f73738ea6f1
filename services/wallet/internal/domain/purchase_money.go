package domain

import "fmt"

// PurchaseMoney is what the ledger records for one purchase: what its capture took from the
// wallet and what went back since, by a POSTED refund or by reversing the capture. Whatever
// the order of cancellations, rejections and admin reversals, GivenBack never exceeds what
// the purchase cost.
type PurchaseMoney struct {
	PurchaseID string
	Taken      int64 // captures that were POSTED, reversed since or not
	GivenBack  int64 // POSTED refunds plus reversed captures
}

// MoneyOf sums a purchase's ledger entries.
func MoneyOf(purchaseID string, entries []Entry) PurchaseMoney {
	m := PurchaseMoney{PurchaseID: purchaseID}
	for _, e := range entries {
		switch {
		case e.Reason == ReasonTicketPurchase && e.PostedAt != nil:
			m.Taken += e.AmountCents
			if e.Status == EntryReversed {
				m.GivenBack += e.AmountCents
			}
		case e.Reason == ReasonRefund && e.Status == EntryPosted:
			m.GivenBack += e.AmountCents
		}
	}
	return m
}

// Refundable is how much of paid, what the purchase cost (its hold, or the card amount the
// provider collected), may still be refunded.
func (m PurchaseMoney) Refundable(paid int64) int64 {
	return max(0, paid-m.GivenBack)
}

// CanReverseCapture says why reversing the purchase's capture of amount would give back more
// than was taken (the purchase was refunded already), or nil.
func (m PurchaseMoney) CanReverseCapture(amount int64) error {
	if m.GivenBack+amount > m.Taken {
		return fmt.Errorf("%w: purchase %s: %d cents taken, %d already given back; reversing its %d capture would pay it back twice",
			ErrState, m.PurchaseID, m.Taken, m.GivenBack, amount)
	}
	return nil
}

package webhooks

import (
	"context"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/paymentcases"
	"tickup.dev/services/api/internal/purchases"
)

// reversalOf applies one refund or dispute event to its locked purchase.
type reversalOf struct {
	*Module
	tx *gorm.DB
	p  purchases.Purchase
	n  notice
}

// refund: a CONFIRMED purchase becomes REFUNDED and ticketing voids its ticket if the pool
// is OPEN; a DISPUTED one ends REFUNDED; a PENDING one FAILS (no ticket ever). A purchase
// the provider refunded before only has its refunded total raised; a refund of one Tickup
// already refunded (store credit) or never accepted is for an operator.
func (r reversalOf) refund(ctx context.Context) (string, error) {
	before := r.p.RefundedCents
	if err := purchases.RecordRefunded(ctx, r.tx, r.p.PurchaseID, r.n.amountCents); err != nil {
		return "", err
	}
	switch {
	case r.p.Status == purchases.StatusConfirmed:
		return r.reverse(ctx, purchases.StatusRefunded, events.ReversalRefund, paymentcases.KindRefund, true)
	case r.p.Status == purchases.StatusDisputed:
		return r.reverse(ctx, purchases.StatusRefunded, events.ReversalRefund, paymentcases.KindRefund, false)
	case r.p.Status == purchases.StatusPending:
		p, _, err := purchases.Settle(ctx, r.tx, r.p, purchases.StatusFailed, r.n.txnID, events.ReversalRefund)
		if err != nil {
			return "", err
		}
		return recordedFailed, r.record(ctx, p, paymentcases.KindRefund, paymentcases.NoTicket, "")
	case before > 0:
		return recordedUnchanged, nil
	}
	return r.review(ctx, paymentcases.KindRefund, "card refund of a "+r.p.Status+" purchase: Tickup did not keep this payment "+
		"(refunded as store credit, or never accepted); check that the buyer is not refunded twice")
}

// dispute: a CONFIRMED purchase becomes DISPUTED and ticketing voids its ticket if the
// pool is OPEN; a dispute of a purchase in any other status is for an operator.
func (r reversalOf) dispute(ctx context.Context) (string, error) {
	switch r.p.Status {
	case purchases.StatusConfirmed:
		return r.reverse(ctx, purchases.StatusDisputed, events.ReversalDispute, paymentcases.KindDispute, true)
	case purchases.StatusDisputed:
		return recordedUnchanged, nil
	}
	return r.review(ctx, paymentcases.KindDispute, "dispute of a "+r.p.Status+" purchase")
}

// disputeWon: the money is ours again. A purchase whose ticket stood (the dispute came
// after the draw) is CONFIRMED again; one whose ticket was voided is for an operator.
func (r reversalOf) disputeWon(ctx context.Context) (string, error) {
	if r.p.Status != purchases.StatusDisputed {
		return r.unlessSettled(ctx, paymentcases.KindDisputeWon, purchases.StatusConfirmed)
	}
	opened, found, err := paymentcases.Last(ctx, r.tx, r.p.PurchaseID, paymentcases.KindDispute)
	if err != nil {
		return "", err
	}
	if !found || opened.Resolution != paymentcases.OperatorReview || opened.PoolState == "" {
		return r.review(ctx, paymentcases.KindDisputeWon, "dispute won but the purchase's ticket was voided or never "+
			"issued: the buyer paid and holds no ticket; refund or credit them")
	}
	p, err := purchases.Reinstate(ctx, r.tx, r.p)
	if err != nil {
		return "", err
	}
	return recordedReinstated, r.record(ctx, p, paymentcases.KindDisputeWon, paymentcases.Reinstated, "")
}

// disputeLost: the money is gone for good; the purchase ends REFUNDED (its ticket's fate
// was decided when the dispute opened).
func (r reversalOf) disputeLost(ctx context.Context) (string, error) {
	if r.p.Status != purchases.StatusDisputed {
		return r.unlessSettled(ctx, paymentcases.KindDisputeLost, purchases.StatusRefunded)
	}
	if err := purchases.RecordRefunded(ctx, r.tx, r.p.PurchaseID, r.n.amountCents); err != nil {
		return "", err
	}
	return r.reverse(ctx, purchases.StatusRefunded, events.ReversalDispute, paymentcases.KindDisputeLost, false)
}

// unlessSettled answers a closed dispute that finds the purchase already where it would
// put it (a repeat) with unchanged; anything else is for an operator.
func (r reversalOf) unlessSettled(ctx context.Context, kind, settled string) (string, error) {
	if r.p.Status == settled {
		return recordedUnchanged, nil
	}
	return r.review(ctx, kind, "closed dispute of a "+r.p.Status+" purchase")
}

// reverse moves the purchase and records its case: pending while ticketing decides the
// ticket's fate, closed when it has nothing to decide.
func (r reversalOf) reverse(ctx context.Context, to, reversal, kind string, voidTicket bool) (string, error) {
	p, err := purchases.Reverse(ctx, r.tx, r.p, to, reversal, voidTicket)
	if err != nil {
		return "", err
	}
	resolution := paymentcases.Closed
	if voidTicket {
		resolution = paymentcases.Pending
	}
	if err := r.record(ctx, p, kind, resolution, ""); err != nil {
		return "", err
	}
	if to == purchases.StatusDisputed {
		return recordedDisputed, nil
	}
	return recordedRefunded, nil
}

// review records a case an operator must resolve and logs it where they look.
func (r reversalOf) review(ctx context.Context, kind, detail string) (string, error) {
	r.log.ErrorContext(ctx, "card refund or dispute needs an operator", "provider", r.n.provider, "event_id", r.n.eventID,
		"purchase_id", r.p.PurchaseID, "status", r.p.Status, "kind", kind, "amount_cents", r.n.amountCents, "detail", detail)
	return recordedForReview, r.record(ctx, r.p, kind, paymentcases.OperatorReview, detail)
}

// record stores the event's case with the purchase as it now is.
func (r reversalOf) record(ctx context.Context, p purchases.Purchase, kind, resolution, detail string) error {
	return paymentcases.Record(ctx, r.tx, paymentcases.Case{PurchaseID: p.PurchaseID, Provider: r.n.provider,
		EventID: r.n.eventID, EventType: r.n.eventType, Kind: kind, AmountCents: r.n.amountCents, Currency: r.n.currency,
		PurchaseStatus: p.Status, Resolution: resolution, Detail: detail})
}

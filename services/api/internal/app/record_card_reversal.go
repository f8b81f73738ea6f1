package app

import (
	"context"
	"log/slog"

	"tickup.dev/services/api/internal/domain/purchase"
)

// RecordCardReversal applies a card refund or dispute that a provider reported to the
// purchase it names (by id, or by the provider transaction bound to it) and records its
// payment case, in the caller's unit of work (docs/architecture.md, "Card refunds and
// disputes").
type RecordCardReversal struct {
	log *slog.Logger
}

// CardReversal is one provider refund or dispute event.
type CardReversal struct {
	Source
	PurchaseID string // or else TxnID finds the purchase
	TxnID      string
	Kind       string // purchase.CaseRefund, CaseDispute, CaseDisputeWon or CaseDisputeLost
}

// Handle applies r; ErrNotFound when no purchase has its id or transaction, a purchase
// refusal (purchase.ErrExceedsPayment, …) with the purchase as read.
func (h RecordCardReversal) Handle(ctx context.Context, u UnitOfWork, r CardReversal) (Result, error) {
	var res Result
	apply := func(p *purchase.Purchase) error {
		e, err := reversalEvent(ctx, u, p.ID, r)
		if err == nil {
			res.Outcome, err = advance(ctx, h.log, u, p, e, r.Source)
		}
		return err
	}
	var err error
	if r.PurchaseID != "" {
		res.Purchase, err = u.Purchases.Update(ctx, r.PurchaseID, apply)
	} else {
		res.Purchase, err = u.Purchases.UpdateByTxn(ctx, r.Provider, r.TxnID, apply)
	}
	return res, err
}

// reversalEvent is the saga event of r; a dispute won says whether the ticket stood.
func reversalEvent(ctx context.Context, u UnitOfWork, id string, r CardReversal) (purchase.Event, error) {
	rev := purchase.Reversal{Provider: r.Provider, TxnID: r.TxnID, AmountCents: r.AmountCents, Currency: r.Currency}
	switch r.Kind {
	case purchase.CaseDispute:
		return purchase.CardDisputed{Reversal: rev}, nil
	case purchase.CaseDisputeWon:
		stood, err := u.Cases.DisputeTicketStood(ctx, id)
		return purchase.DisputeWon{Reversal: rev, TicketStood: stood}, err
	case purchase.CaseDisputeLost:
		return purchase.DisputeLost{Reversal: rev}, nil
	}
	return purchase.CardRefunded{Reversal: rev}, nil
}

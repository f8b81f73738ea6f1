package webhooks

import (
	"context"

	"gorm.io/gorm"

	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
)

// settlePurchase applies a payment verdict to the purchase n names, through the saga's
// rule (domain/purchase.Next): the purchase must be paid through this provider, for this
// amount and currency, by this transaction (bound to it on first sight; the client's
// provider_txn_id is only a hint and never decides). A verdict contradicting a settled
// purchase (paid after it FAILED, failed after it was paid) changes nothing, is logged for
// an operator and answered with an outcome naming the contradiction.
func (m *Module) settlePurchase(ctx context.Context, tx *gorm.DB, n notice) (string, error) {
	pay := purchase.Payment{Provider: n.provider, TxnID: n.txnID, AmountCents: n.amountCents, Currency: n.currency}
	var e purchase.Event = purchase.PaymentFailed{Payment: pay, Reason: n.reason}
	switch n.outcome {
	case outcomeProcessing:
		e = purchase.PaymentProcessing{Payment: pay}
	case outcomeSucceeded:
		e = purchase.PaymentSucceeded{Payment: pay}
	}
	res, err := m.app.Commands.AdvanceSaga.Handle(ctx, m.bind(tx), n.purchaseID, e)
	if err != nil {
		return "", refusal(res.Purchase, n, err)
	}
	if purchase.Contradiction(res.Outcome) {
		m.log.ErrorContext(ctx, "payment verdict contradicts the purchase: review it", "provider", n.provider,
			"event_id", n.eventID, "purchase_id", res.Purchase.ID, "status", res.Purchase.Status, "verdict", n.outcome)
	}
	return string(res.Outcome), nil
}

// settleReversal applies a card refund or dispute to the purchase it names (by id, or by
// the provider transaction that paid it) and records the case for operators
// (docs/architecture.md, "Card refunds and disputes").
func (m *Module) settleReversal(ctx context.Context, tx *gorm.DB, n notice) (string, error) {
	kind := map[string]string{outcomeRefunded: purchase.CaseRefund, outcomeDisputed: purchase.CaseDispute,
		outcomeDisputeWon: purchase.CaseDisputeWon, outcomeDisputeLost: purchase.CaseDisputeLost}[n.outcome]
	res, err := m.app.Commands.RecordCardReversal.Handle(ctx, m.bind(tx), app.CardReversal{
		Source: app.Source{Provider: n.provider, EventID: n.eventID, EventType: n.eventType,
			AmountCents: n.amountCents, Currency: n.currency},
		PurchaseID: n.purchaseID, TxnID: n.txnID, Kind: kind})
	if err != nil {
		return "", refusal(res.Purchase, n, err)
	}
	return string(res.Outcome), nil
}

package app

import (
	"context"

	"tickup.dev/services/api/internal/domain/purchase"
)

// SettlePurchase applies the service role's verdict on a card-paid purchase (PUT
// /purchases/{id}) in its own transaction, through the same rule as the provider's webhook.
type SettlePurchase struct {
	tx   Transactor
	saga AdvanceSaga
}

// Settlement is the verdict: Status CONFIRMED or FAILED, the provider transaction that
// paid it (bound on first sight), why it failed.
type Settlement struct {
	PurchaseID, Status, TxnID, Reason string
}

// Handle applies s. An Outcome purchase.Contradiction reports (FAILED → CONFIRMED, …) changed
// nothing; refusals are errors (purchase.ErrWalletPaid, ErrTxnMismatch, ErrTxnInUse).
func (h SettlePurchase) Handle(ctx context.Context, s Settlement) (Result, error) {
	var e purchase.Event = purchase.PaymentFailed{Payment: purchase.Payment{TxnID: s.TxnID}, Reason: s.Reason}
	if s.Status == purchase.StatusConfirmed {
		e = purchase.PaymentSucceeded{Payment: purchase.Payment{TxnID: s.TxnID}}
	}
	var res Result
	err := h.tx.Atomically(ctx, func(ctx context.Context, u UnitOfWork) error {
		var err error
		res, err = h.saga.Handle(ctx, u, s.PurchaseID, e)
		return err
	})
	return res, err
}

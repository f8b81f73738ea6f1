package purchases

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
)

// Why a settlement cannot apply; ports map them to their answers.
var (
	ErrWalletPaid  = errors.New("a wallet-paid purchase is settled by the wallet's hold")
	ErrTxnMismatch = errors.New("the purchase is paid by another provider transaction")
)

// IllegalError is a settlement a purchase's status does not allow (FAILED → CONFIRMED, …).
type IllegalError struct {
	PurchaseID, From, To string
}

// Error describes the refused transition.
func (e *IllegalError) Error() string {
	return fmt.Sprintf("purchase %s: a %s purchase cannot become %s", e.PurchaseID, e.From, e.To)
}

// Settle applies a payment verdict (to: CONFIRMED or FAILED) from a verified source (a
// signed webhook, the service role) to p, read and locked in tx: it binds the provider
// transaction to p when p has none bound yet and moves p out of PENDING, emitting
// purchase.confirmed or purchase.failed. The client's provider_txn_id hint plays no part:
// a genuine payment for p settles p whatever id a client sent. A verdict p already
// carries changes nothing (false); any other status is an *IllegalError.
func Settle(ctx context.Context, tx *gorm.DB, p Purchase, to, txnID, reason string) (Purchase, bool, error) {
	if p.PaymentMethod == events.PaymentWallet {
		return p, false, ErrWalletPaid
	}
	if txnID != "" && p.SettledTxnID != "" && txnID != p.SettledTxnID {
		return p, false, fmt.Errorf("%w: %s, not %s", ErrTxnMismatch, p.SettledTxnID, txnID)
	}
	if p.Status == to {
		return p, false, nil
	}
	if !Legal(p.Status, to) || p.Status != StatusPending {
		return p, false, &IllegalError{PurchaseID: p.PurchaseID, From: p.Status, To: to}
	}
	if txnID != "" && p.SettledTxnID == "" {
		if err := bindTxn(ctx, tx, p.PurchaseID, txnID); err != nil {
			return p, false, err
		}
	}
	next, changed, err := Transition(ctx, tx, p.PurchaseID, p.Status, to, reason)
	if err == nil && !changed {
		err = fmt.Errorf("purchase %s: changed while locked", p.PurchaseID)
	}
	return next, changed, err
}

package app

import (
	"context"
	"errors"
	"fmt"

	"tickup.dev/services/wallet/internal/domain"
)

// purchaseHold is a purchase's hold with its wallet, both locked.
type purchaseHold struct {
	acct  domain.Account
	hold  domain.Hold
	found bool // false: no hold was ever decided for the purchase
}

// lockPurchase locks the purchaser's wallet and then the purchase's hold: wallet rows are
// always locked before holds, so handlers cannot deadlock on them.
func (d deps) lockPurchase(ctx context.Context, st Books, userID, purchaseID string) (purchaseHold, error) {
	acct, err := st.LockAccount(ctx, "user_id", userID)
	if errors.Is(err, domain.ErrNotFound) {
		return purchaseHold{}, nil
	}
	if err != nil {
		return purchaseHold{}, err
	}
	hold, found, err := st.LockHold(ctx, "purchase_id", purchaseID)
	if err != nil || !found {
		return purchaseHold{acct: acct}, err
	}
	if hold.WalletID != acct.WalletID {
		return purchaseHold{}, fmt.Errorf("%w: purchase %s is held in wallet %s, not in user %s's wallet %s",
			domain.ErrInconsistent, purchaseID, hold.WalletID, userID, acct.WalletID)
	}
	return purchaseHold{acct: acct, hold: hold, found: true}, nil
}

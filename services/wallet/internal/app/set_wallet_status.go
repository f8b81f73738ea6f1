package app

import (
	"context"
	"strings"

	"tickup.dev/services/wallet/internal/domain"
)

// StatusChange suspends or re-activates a wallet (admin).
type StatusChange struct {
	Actor  string
	UserID string
	Status string // domain.AccountActive or domain.AccountSuspended
	Reason string
}

// SetWalletStatus suspends or re-activates the user's existing wallet.
type SetWalletStatus struct{ deps }

// Handle changes the status of the wallet in names.
func (h SetWalletStatus) Handle(ctx context.Context, in StatusChange) (domain.Account, error) {
	v := domain.Validation{}
	v.Require(strings.TrimSpace(in.Actor) != "", "actor", "is required: suspending a wallet is an admin operation")
	if err := v.Err(); err != nil {
		return domain.Account{}, err
	}
	return h.store.UpdateAccount(ctx, in.UserID, func(acct *domain.Account) error {
		_, err := acct.SetStatus(in.Status, in.Reason)
		return err
	})
}

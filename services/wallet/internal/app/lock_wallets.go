package app

import "context"

// LockWallets locks the existing wallets of users in user id order, before an event batch
// runs: transactions that touch several wallets then always take their locks in the same
// order, so concurrent batches cannot deadlock.
type LockWallets struct{ deps }

// Handle locks the wallets of userIDs (repeats and unknown users are fine).
func (h LockWallets) Handle(ctx context.Context, userIDs []string) error {
	return h.store.InTx(ctx, func(st Books) error { return st.LockUsers(ctx, userIDs) })
}

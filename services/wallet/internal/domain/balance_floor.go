package domain

import "fmt"

// CanTake says why amount cannot leave the account without leaving its active holds
// uncovered, or nil: the balance less every active hold must stay at or above zero. It binds
// admins too (debits and reversals of credits), so no sequence of actions makes a wallet
// negative; suspension does not matter here.
func (a Account) CanTake(amount int64) error {
	if a.AvailableCents() < amount {
		return fmt.Errorf("%w: wallet %s has %d cents, %d of them held by active holds; taking %d would leave %d available",
			ErrInsufficientFunds, a.WalletID, a.BalanceCents, a.HeldCents, amount, a.AvailableCents()-amount)
	}
	return nil
}

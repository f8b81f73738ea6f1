package domain

import "fmt"

// CanReverse says why entry e of acct may not be reversed, or nil; money is what the ledger
// records for e's purchase (zero without one). A reversed credit must be covered like a
// debit; a capture may be reversed only while its purchase was not given back already; a
// withdrawal's debit is settled by the provider: while in flight by its outcome, and once
// paid out it stays (money the provider returns is a new credit).
func CanReverse(acct Account, e Entry, money PurchaseMoney) error {
	switch {
	case e.Reason == ReasonWithdrawal && e.Status == EntryPending:
		return fmt.Errorf("%w: entry %d is the debit of withdrawal %s in flight; the provider's outcome settles it",
			ErrState, e.EntryID, e.RefWithdrawalID)
	case e.Reason == ReasonWithdrawal && e.Status == EntryPosted:
		return fmt.Errorf("%w: entry %d paid out withdrawal %s; book a CREDIT ADJUSTMENT if the provider returns the money",
			ErrState, e.EntryID, e.RefWithdrawalID)
	case e.Status != EntryPosted:
		return nil // Entry.Reverse says why a REVERSED entry cannot be reversed again
	case e.Direction == Credit:
		return acct.CanTake(e.AmountCents)
	case e.Reason == ReasonTicketPurchase:
		return money.CanReverseCapture(e.AmountCents)
	}
	return nil
}

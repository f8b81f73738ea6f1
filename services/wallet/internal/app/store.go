package app

import (
	"context"
	"time"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/domain"
)

// Store is the wallet's records: read directly, or changed in a transaction.
type Store interface {
	Books
	// InTx runs fn in a transaction, committed when fn returns nil; a store already inside
	// one (an event batch's) runs fn in it.
	InTx(ctx context.Context, fn func(Books) error) error
	// InSnapshot runs fn in one read-only snapshot, so what fn reads agrees.
	InSnapshot(ctx context.Context, fn func(Books) error) error
}

// Books are the wallet's records as one transaction (or none) sees them.
type Books interface {
	Accounts
	Holds
	Ledger
	Topups
	Withdrawals
	UnmatchedPayments
	// Emit stores events in the transaction's outbox, ordered per wallet.
	Emit(ctx context.Context, walletID string, evs ...events.Event) error
}

// Accounts are the wallets. column is "user_id" or "wallet_id".
type Accounts interface {
	// EnsureAccount locks the user's wallet FOR UPDATE, creating it in currency first if none.
	EnsureAccount(ctx context.Context, userID, currency string) (domain.Account, error)
	LockAccount(ctx context.Context, column, id string) (domain.Account, error)
	Account(ctx context.Context, column, id string) (domain.Account, error)
	// LockUsers locks the existing wallets of users in user id order.
	LockUsers(ctx context.Context, userIDs []string) error
	// AddToBalance moves the cached balance by delta and returns the new balance.
	AddToBalance(ctx context.Context, walletID string, delta int64) (int64, error)
	SaveStatus(ctx context.Context, a domain.Account) error
	// UpdateAccount locks userID's wallet, lets fn change it and stores its status if fn
	// changed it, in one transaction.
	UpdateAccount(ctx context.Context, userID string, fn func(*domain.Account) error) (domain.Account, error)
}

// Holds are reservations of a wallet's money. column is "purchase_id", "withdrawal_id" or "hold_id".
type Holds interface {
	InsertHold(ctx context.Context, h domain.Hold) error
	LockHold(ctx context.Context, column, id string) (h domain.Hold, found bool, err error)
	SaveHold(ctx context.Context, h domain.Hold) error
	ActiveHolds(ctx context.Context, walletID string) ([]domain.Hold, error)
}

// Ledger is the append-only ledger.
type Ledger interface {
	// AppendEntry inserts e and sets its id; false when its reference was booked before.
	AppendEntry(ctx context.Context, e *domain.Entry) (bool, error)
	LockEntry(ctx context.Context, id int64) (domain.Entry, error)
	Entry(ctx context.Context, id int64) (domain.Entry, error)
	SaveEntryStatus(ctx context.Context, e domain.Entry) error
	// Entries lists a wallet's entries newest first, below entry id before (0 = from the newest).
	Entries(ctx context.Context, walletID, reason string, before int64, limit int) ([]domain.Entry, error)
	PurchaseMoney(ctx context.Context, purchaseID string) (domain.PurchaseMoney, error)
}

// Topups are requests to load money into a wallet.
type Topups interface {
	InsertTopup(ctx context.Context, t domain.Topup) error
	Topup(ctx context.Context, id string, lock bool) (domain.Topup, error)
	// TopupByTxn returns the id of the top-up holding provider transaction txn, or "".
	TopupByTxn(ctx context.Context, txn string) (string, error)
	SaveTopup(ctx context.Context, t domain.Topup) error
	// UpdateTopup locks the top-up's wallet and then the top-up, lets fn change it and stores
	// the result, in one transaction.
	UpdateTopup(ctx context.Context, id string, fn func(*domain.Topup) error) (domain.Topup, error)
	Topups(ctx context.Context, userID, before string, limit int) ([]domain.Topup, error)
}

// Withdrawals are requests to pay money out of a wallet.
type Withdrawals interface {
	InsertWithdrawal(ctx context.Context, w domain.Withdrawal) error
	Withdrawal(ctx context.Context, id string, lock bool) (domain.Withdrawal, error)
	SaveWithdrawal(ctx context.Context, w domain.Withdrawal) error
	// WithdrawnSince sums the user's withdrawals since t that count against the daily limit.
	WithdrawnSince(ctx context.Context, userID string, t time.Time) (int64, error)
	Withdrawals(ctx context.Context, userID, status, before string, limit int) ([]domain.Withdrawal, error)
}

// UnmatchedPayments are provider reports that could not apply, kept for an operator.
type UnmatchedPayments interface {
	// InsertUnmatched records u; false when the same report was recorded before.
	InsertUnmatched(ctx context.Context, u domain.UnmatchedPayment) (bool, error)
	UnmatchedPayment(ctx context.Context, id string, lock bool) (domain.UnmatchedPayment, error)
	SaveUnmatched(ctx context.Context, u domain.UnmatchedPayment) error
	// UpdateUnmatched locks the unmatched payment, lets fn change it and stores the result,
	// in one transaction.
	UpdateUnmatched(ctx context.Context, id string, fn func(*domain.UnmatchedPayment) error) (domain.UnmatchedPayment, error)
	UnmatchedPayments(ctx context.Context, status, before string, limit int) ([]domain.UnmatchedPayment, error)
}

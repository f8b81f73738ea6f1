package app

import (
	"context"
	"errors"
	"time"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/domain/purchase"
)

// The repositories' expected failures.
var (
	ErrNotFound = errors.New("purchase not found")
	ErrTxnInUse = errors.New("provider transaction already settles another purchase")
)

// Purchases loads and saves purchases, each under its row lock until the transaction ends.
// Update-style methods call fn with the purchase as read and save it as fn left it (only
// if fn changed it); they return the purchase as saved, or as read when fn fails.
type Purchases interface {
	// Create stores p PENDING, with its hold deadline holdTTL from now on the database's
	// clock when it is wallet-paid, and returns it as stored.
	Create(ctx context.Context, p purchase.Purchase, holdTTL time.Duration) (purchase.Purchase, error)
	// Update changes purchase id, or returns ErrNotFound.
	Update(ctx context.Context, id string, fn func(*purchase.Purchase) error) (purchase.Purchase, error)
	// UpdateByTxn changes the purchase a provider transaction was bound to, or ErrNotFound.
	UpdateByTxn(ctx context.Context, provider, txnID string, fn func(*purchase.Purchase) error) (purchase.Purchase, error)
	// UpdateExpired changes up to limit purchases PENDING past their hold deadline that no
	// other transaction holds, and returns how many it found.
	UpdateExpired(ctx context.Context, limit int, fn func(*purchase.Purchase) error) (int, error)
}

// PaymentCases records card refunds and disputes for operators.
type PaymentCases interface {
	Record(ctx context.Context, c Case) error
	// Resolve settles a purchase's pending cases; how many it settled.
	Resolve(ctx context.Context, purchaseID string, r purchase.ResolveCases) (int64, error)
	// DisputeTicketStood says whether the latest DISPUTE case of the purchase found its
	// ticket kept (its pool past OPEN).
	DisputeTicketStood(ctx context.Context, purchaseID string) (bool, error)
}

// Case is one payment case: a provider refund or dispute event and what it did. Record
// sets its id, pool state and times.
type Case struct {
	CaseID, PurchaseID, Provider, EventID, EventType, Kind string
	AmountCents                                            int64
	Currency, PurchaseStatus, PoolState, Resolution        string
	Detail                                                 string
	CreatedAt, UpdatedAt                                   time.Time
}

// PurchaseReads reads purchases outside any saga step.
type PurchaseReads interface {
	// Get returns one purchase, or ErrNotFound.
	Get(ctx context.Context, id string) (purchase.Purchase, error)
	// List returns up to limit purchases of f, oldest first.
	List(ctx context.Context, f PurchaseFilter, limit int) ([]purchase.Purchase, error)
}

// CaseReads reads payment cases.
type CaseReads interface {
	// List returns up to limit cases of f, oldest first.
	List(ctx context.Context, f CaseFilter, limit int) ([]Case, error)
}

// Reads are the read-only repositories the queries use.
type Reads struct {
	Purchases PurchaseReads
	Cases     CaseReads
}

// Outbox publishes events after the transaction commits.
type Outbox interface {
	Add(ctx context.Context, aggregateID string, evs ...events.Event) error
}

// UnitOfWork is the repositories bound to one transaction.
type UnitOfWork struct {
	Purchases Purchases
	Cases     PaymentCases
	Outbox    Outbox
}

// Transactor runs fn in one transaction, with the unit of work bound to it.
type Transactor interface {
	Atomically(ctx context.Context, fn func(ctx context.Context, u UnitOfWork) error) error
}

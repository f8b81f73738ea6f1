package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

// Page asks for up to Limit items after the key After ("" for the first page).
type Page struct {
	Limit int
	After string
}

// PoolFilter narrows a pool listing; zero fields match everything.
type PoolFilter struct {
	PrizeID uuid.UUID
	State   domain.State
}

// TicketFilter narrows a ticket listing; zero fields match everything.
type TicketFilter struct {
	UserID uuid.UUID
	PoolID uuid.UUID
}

// Prizes stores prizes.
type Prizes interface {
	Create(ctx context.Context, p domain.Prize) error
	Get(ctx context.Context, id uuid.UUID) (domain.Prize, error)
	List(ctx context.Context, page Page) ([]domain.Prize, error)
	// Update locks the prize, lets fn change it, and stores the result.
	Update(ctx context.Context, id uuid.UUID, fn func(*domain.Prize) error) (domain.Prize, error)
	// Delete locks the prize, asks allow with the number of its pools in play, and marks it
	// deleted at now.
	Delete(ctx context.Context, id uuid.UUID, now time.Time, allow func(activePools int) error) error
}

// Pools stores pools. Each change locks the pool and commits in one transaction with its
// stock movements and its events.
type Pools interface {
	// Create reserves the pool's winners_count units of its prize's stock and stores it OPEN.
	Create(ctx context.Context, p domain.Pool) error
	Get(ctx context.Context, id uuid.UUID) (domain.Pool, error)
	List(ctx context.Context, f PoolFilter, page Page) ([]domain.Pool, error)
	// Update locks the pool, lets fn change it, and stores the result.
	Update(ctx context.Context, id uuid.UUID, fn func(*domain.Pool) error) (domain.Pool, error)
	// Start locks the pool, lets start move it, and stores it with pool.started when it moved.
	Start(ctx context.Context, id uuid.UUID, start func(*domain.Pool) (bool, error)) (domain.Pool, error)
	// Cancel locks the pool, reads its live tickets and boosts, lets decide cancel it, and
	// stores the cancellation: state, stock given back, tickets voided, and pool.cancelled
	// with a ticket.voided per refund.
	Cancel(ctx context.Context, id uuid.UUID, decide CancelFunc) (domain.Pool, error)
	// CancelExpired does what Cancel does to one OPEN pool past its deadline at now that no
	// other replica holds; it reports false when there is none.
	CancelExpired(ctx context.Context, now time.Time, decide CancelFunc) (bool, error)
}

// CancelFunc decides a pool's cancellation from the pool and its live tickets and boosts.
type CancelFunc func(domain.Pool, domain.PoolEntries) (domain.Cancellation, error)

// Tickets reads tickets and purchase outcomes.
type Tickets interface {
	Get(ctx context.Context, id uuid.UUID) (domain.Ticket, error)
	List(ctx context.Context, f TicketFilter, page Page) ([]domain.Ticket, error)
	// ByPurchase returns the purchase's outcome; false when it has none yet.
	ByPurchase(ctx context.Context, purchaseID uuid.UUID) (domain.PurchaseOutcome, bool, error)
	// OfPool returns a pool's tickets that are not voided, in ticket_num order after number after.
	OfPool(ctx context.Context, poolID uuid.UUID, after, limit int) ([]domain.Ticket, error)
}

// Issuance issues a batch of confirmed purchases inside the caller's transaction: it locks
// the pools they name (in pool id order), reads the snapshot, lets plan decide, and applies
// the plan with its events.
type Issuance interface {
	Issue(ctx context.Context, ps []domain.Purchase, plan func(domain.IssueSnapshot) domain.IssuePlan) error
}

// Draws records draw results in the consumer's transaction.
type Draws interface {
	// Record locks the pool, lets record decide, and stores the result when it changed
	// something: the winners WON (domain.ErrBadDrawResult when one is not a ticket of the
	// pool), the other tickets LOST, the pool DRAWN and pool.drawn.
	Record(ctx context.Context, id uuid.UUID, record RecordFunc) error
}

// RecordFunc decides a draw result from the locked pool; false when it changes nothing.
type RecordFunc func(domain.Pool) (domain.DrawResult, bool, error)

// Reversals applies a card refund or dispute in the consumer's transaction: it locks the
// pool, reads the snapshot, lets decide choose the fate, and stores it with its events.
type Reversals interface {
	Apply(ctx context.Context, r domain.Reversal, now time.Time, decide func(domain.ReversalSnapshot) domain.ReversalVerdict) error
}

// Committer asks the draw service for a pool's commitment and draw terms.
type Committer interface {
	// Commit returns SHA-256 of the pool's seed and the terms of its draw with winners winners.
	Commit(ctx context.Context, poolID uuid.UUID, winners int) ([]byte, domain.DrawTerms, error)
}

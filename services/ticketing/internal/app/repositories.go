// Package app holds the ticketing use cases, one file per command, query or event handler.
// The repositories keep the transactions; the domain keeps the rules.
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
	// Delete locks the prize, asks allow with the number of its pools in play, and deletes it.
	Delete(ctx context.Context, id uuid.UUID, allow func(activePools int) error) error
}

// Pools stores pools and runs their state transitions, each in one transaction with its
// stock movements and its events.
type Pools interface {
	// Create reserves the pool's winners_count units of its prize's stock and stores it OPEN.
	Create(ctx context.Context, p domain.Pool) error
	Get(ctx context.Context, id uuid.UUID) (domain.Pool, error)
	List(ctx context.Context, f PoolFilter, page Page) ([]domain.Pool, error)
	// Update locks the pool, lets fn change it, and stores the result.
	Update(ctx context.Context, id uuid.UUID, fn func(*domain.Pool) error) (domain.Pool, error)
	// Cancel cancels the pool, returns its stock and voids its tickets.
	Cancel(ctx context.Context, id uuid.UUID, reason string, now time.Time) (domain.Pool, error)
	// CancelExpired cancels one OPEN pool past its deadline that no other replica holds;
	// it reports false when there is none.
	CancelExpired(ctx context.Context, reason string, now time.Time) (bool, error)
	Start(ctx context.Context, id uuid.UUID, now time.Time) (domain.Pool, error)
	// RecordDraw marks the winners WON and the other tickets LOST, and the pool DRAWN.
	RecordDraw(ctx context.Context, id uuid.UUID, winners []uuid.UUID, now time.Time) error
}

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

// Reversals applies a card refund or dispute to the purchase's ticket in one transaction:
// it locks the pool, reads the snapshot, lets decide choose the fate, and applies it with
// its events.
type Reversals interface {
	Apply(ctx context.Context, r domain.Reversal, now time.Time, decide func(domain.ReversalSnapshot) domain.ReversalVerdict) error
}

// Committer asks the draw service for a pool's commitment and draw terms.
type Committer interface {
	// Commit returns SHA-256 of the pool's seed and the terms of its draw with winners winners.
	Commit(ctx context.Context, poolID uuid.UUID, winners int) ([]byte, domain.DrawTerms, error)
}

package domain

import (
	"time"

	"github.com/google/uuid"
)

// State is a pool's place in its lifecycle: OPEN → FULL → STARTED → DRAWN, or OPEN → CANCELLED.
type State string

// Pool states.
const (
	StateOpen      State = "OPEN"
	StateFull      State = "FULL"
	StateStarted   State = "STARTED"
	StateDrawn     State = "DRAWN"
	StateCancelled State = "CANCELLED"
)

// ValidState reports whether s names a pool state.
func ValidState(s State) bool {
	switch s {
	case StateOpen, StateFull, StateStarted, StateDrawn, StateCancelled:
		return true
	}
	return false
}

// Limits on pools.
const (
	MaxTicketsRequired = 1_000_000
	MaxWinnersCount    = 1000
	MaxBoostsPerUser   = 1000
)

// Pool is a raffle of one prize in numbered tickets. A nil boost or retry price means the
// pool does not sell them; a nil MaxTicketsPerUser means no per-user cap.
type Pool struct {
	ID                uuid.UUID
	PrizeID           uuid.UUID
	TicketPriceCents  int64
	Currency          string
	TicketsRequired   int
	TicketsSold       int
	State             State
	MaxTicketsPerUser *int
	BoostPriceCents   *int64
	MaxBoostsPerUser  int
	RetryPriceCents   *int64
	ClosesAt          *time.Time
	WinnersCount      int
	DrawCommitment    []byte
	DrawTerms         *DrawTerms // nil for a pool created before draw terms existed
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// validate records the invalid fields of p (all but closes_at, which only a change checks).
func (p Pool) validate(f Fields) {
	f.Check(validCents(p.TicketPriceCents), "ticket_price_cents", "must be 1 to 100000000000 cents")
	f.Check(ValidCurrency(p.Currency), "currency", "must be an ISO 4217 code (three uppercase letters)")
	f.Check(p.TicketsRequired > 0 && p.TicketsRequired <= MaxTicketsRequired, "tickets_required", "must be between 1 and 1000000")
	f.Check(positive(p.MaxTicketsPerUser), "max_tickets_per_user", "must be positive when set")
	f.Check(positive64(p.BoostPriceCents), "boost_price_cents", "must be 1 to 100000000000 cents when set")
	f.Check(p.MaxBoostsPerUser > 0 && p.MaxBoostsPerUser <= MaxBoostsPerUser, "max_boosts_per_user", "must be between 1 and 1000")
	f.Check(positive64(p.RetryPriceCents), "retry_price_cents", "must be 1 to 100000000000 cents when set")
	f.Check(p.WinnersCount > 0 && p.WinnersCount <= MaxWinnersCount, "winners_count", "must be between 1 and 1000")
	f.Check(p.WinnersCount <= p.TicketsRequired, "winners_count", "must not exceed tickets_required")
}

// Frozen reports whether the pool's ticket list is final and handed to the draw.
func (p Pool) Frozen() bool { return p.State == StateStarted || p.State == StateDrawn }

// Cancel moves an OPEN pool to CANCELLED.
func (p *Pool) Cancel(now time.Time) error {
	if p.State != StateOpen {
		return refuse(KindConflict, CodePoolNotOpen, "pool %s is %s: only an OPEN pool can be cancelled", p.ID, p.State)
	}
	p.State, p.UpdatedAt = StateCancelled, now
	return nil
}

// Start moves a FULL pool to STARTED. It reports false for a pool already STARTED or
// DRAWN (the draw asking again after a crash), and refuses any other state.
func (p *Pool) Start(now time.Time) (bool, error) {
	switch p.State {
	case StateFull:
		p.State, p.UpdatedAt = StateStarted, now
		return true, nil
	case StateStarted, StateDrawn:
		return false, nil
	}
	return false, refuse(KindConflict, CodePoolState, "pool %s is %s: only a FULL pool can be started", p.ID, p.State)
}

// RecordDraw moves a FULL or STARTED pool to DRAWN. It reports false for a pool already
// DRAWN, and refuses an OPEN or CANCELLED one.
func (p *Pool) RecordDraw(now time.Time) (bool, error) {
	switch p.State {
	case StateFull, StateStarted:
		p.State, p.UpdatedAt = StateDrawn, now
		return true, nil
	case StateDrawn:
		return false, nil
	}
	return false, refuse(KindConflict, CodePoolState, "pool %s is %s: it cannot have been drawn", p.ID, p.State)
}

// RequireFrozen refuses a pool whose ticket list may still change.
func (p Pool) RequireFrozen() error {
	if !p.Frozen() {
		return refuse(KindConflict, CodePoolState, "pool %s is %s: its ticket list is final only once STARTED", p.ID, p.State)
	}
	return nil
}

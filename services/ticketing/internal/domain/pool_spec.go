package domain

import (
	"time"

	"github.com/google/uuid"
)

// PoolSpec is what an admin asks for when opening a pool; nil fields take defaults.
type PoolSpec struct {
	PrizeID           uuid.UUID
	TicketPriceCents  int64
	Currency          string // default: the prize's currency
	TicketsRequired   int
	MaxTicketsPerUser *int
	BoostPriceCents   *int64
	MaxBoostsPerUser  *int // default 1
	RetryPriceCents   *int64
	ClosesAt          *time.Time
	WinnersCount      *int // default 1
}

// NewPool returns the OPEN pool spec describes for prize, without its commitment yet, or
// the fields that are invalid.
func NewPool(id uuid.UUID, spec PoolSpec, prize Prize, now time.Time) (Pool, error) {
	p := Pool{
		ID: id, PrizeID: prize.ID, TicketPriceCents: spec.TicketPriceCents, Currency: spec.Currency,
		TicketsRequired: spec.TicketsRequired, State: StateOpen, MaxTicketsPerUser: spec.MaxTicketsPerUser,
		BoostPriceCents: spec.BoostPriceCents, MaxBoostsPerUser: 1, RetryPriceCents: spec.RetryPriceCents,
		ClosesAt: spec.ClosesAt, WinnersCount: 1, CreatedAt: now, UpdatedAt: now,
	}
	if p.Currency == "" {
		p.Currency = prize.Currency
	}
	set(&p.MaxBoostsPerUser, spec.MaxBoostsPerUser)
	set(&p.WinnersCount, spec.WinnersCount)
	f := Fields{}
	p.validate(f)
	checkClosesAt(f, p.ClosesAt, now)
	return p, f.Err()
}

// CheckStock refuses a prize that cannot reserve the pool's winners_count units.
func (p Pool) CheckStock(prize Prize) error {
	if prize.Stock < p.WinnersCount {
		return ErrOutOfStock(prize.ID, prize.Stock, p.WinnersCount)
	}
	return nil
}

func checkClosesAt(f Fields, closesAt *time.Time, now time.Time) {
	f.Check(closesAt == nil || closesAt.After(now), "closes_at", "must be in the future")
}

// PoolPatch holds the fields of a pool to change; nil fields stay.
type PoolPatch struct {
	TicketPriceCents  *int64
	Currency          *string
	TicketsRequired   *int
	MaxTicketsPerUser *int
	BoostPriceCents   *int64
	MaxBoostsPerUser  *int
	RetryPriceCents   *int64
	ClosesAt          *time.Time
}

// Apply changes an OPEN pool. Its price, currency and size may change only while no
// ticket is sold: a sold ticket was bought on those terms.
func (c PoolPatch) Apply(p *Pool, now time.Time) error {
	if p.State != StateOpen {
		return refuse(KindConflict, CodePoolNotOpen, "pool %s is %s: only an OPEN pool can be changed", p.ID, p.State)
	}
	termsChange := c.TicketPriceCents != nil || c.Currency != nil || c.TicketsRequired != nil
	if termsChange && p.TicketsSold > 0 {
		return refuse(KindConflict, CodePoolHasSales,
			"pool %s has sold %d ticket(s): its price, currency and size can no longer change", p.ID, p.TicketsSold)
	}
	set(&p.TicketPriceCents, c.TicketPriceCents)
	set(&p.Currency, c.Currency)
	set(&p.TicketsRequired, c.TicketsRequired)
	set(&p.MaxBoostsPerUser, c.MaxBoostsPerUser)
	setPtr(&p.MaxTicketsPerUser, c.MaxTicketsPerUser)
	setPtr(&p.BoostPriceCents, c.BoostPriceCents)
	setPtr(&p.RetryPriceCents, c.RetryPriceCents)
	setPtr(&p.ClosesAt, c.ClosesAt)
	p.UpdatedAt = now
	f := Fields{}
	p.validate(f)
	if c.ClosesAt != nil {
		checkClosesAt(f, c.ClosesAt, now)
	}
	return f.Err()
}

func setPtr[T any](dst **T, v *T) {
	if v != nil {
		*dst = v
	}
}

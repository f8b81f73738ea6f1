package domain

import (
	"bytes"
	"slices"
	"time"

	"github.com/google/uuid"
)

// IssueSnapshot is what one issuance batch decides on, read inside its transaction with
// the pools locked.
type IssueSnapshot struct {
	Purchases []Purchase              // the batch's unhandled messages, in delivery order
	Decided   map[uuid.UUID]bool      // purchases that already have an outcome
	Pools     map[uuid.UUID]Pool      // the pools the purchases name that exist
	Tickets   map[PoolUser]int        // tickets each user holds in each pool
	Boosts    map[PoolUser]int        // boosts each user bought in each pool
	Refs      map[uuid.UUID]TicketRef // tickets named by BOOST and RETRY purchases
}

// Rejection is a purchase refused, and why.
type Rejection struct {
	Purchase Purchase
	Reason   string
}

// PoolPlan is what a batch does to one pool: the tickets to issue in this order, numbered
// consecutively from FirstNum (right after the pool's tickets_sold), the pool they leave
// behind, the boosts to apply and the rejections.
type PoolPlan struct {
	PoolID   uuid.UUID
	Issue    []Purchase
	FirstNum int
	Pool     Pool // after the issue: tickets_sold counted, FULL when they filled it
	Boost    []Purchase
	Reject   []Rejection
}

// Filled reports whether the plan's tickets fill the pool: it becomes FULL (pool.full).
func (pp PoolPlan) Filled() bool { return len(pp.Issue) > 0 && pp.Pool.State == StateFull }

// IssuePlan is a batch's decisions, one PoolPlan per pool in pool id order (the order the
// pools are locked in).
type IssuePlan struct {
	Pools []PoolPlan
	At    time.Time // when it was decided: the new tickets' and outcomes' time
}

// Outcomes counts the purchases the plan decides.
func (p IssuePlan) Outcomes() int {
	n := 0
	for _, pp := range p.Pools {
		n += len(pp.Issue) + len(pp.Boost) + len(pp.Reject)
	}
	return n
}

// PlanIssuance applies the issuance rules to a batch, in delivery order: each purchase is
// decided once (duplicates and purchases decided earlier get no outcome), per-user caps
// count the tickets held plus those issued earlier in the batch, and a pool accepts only
// as many tickets as it has left.
func PlanIssuance(s IssueSnapshot, now time.Time) IssuePlan {
	pl := newPlanner(s, now)
	for _, pu := range s.Purchases {
		if pl.seen[pu.PurchaseID] || s.Decided[pu.PurchaseID] {
			continue
		}
		pl.seen[pu.PurchaseID] = true
		pl.decide(pu)
	}
	return pl.result()
}

type planner struct {
	s       IssueSnapshot
	now     time.Time
	seen    map[uuid.UUID]bool
	sold    map[uuid.UUID]int
	tickets map[PoolUser]int
	boosts  map[PoolUser]int
	retried map[uuid.UUID]bool
	plans   map[uuid.UUID]*PoolPlan
}

func newPlanner(s IssueSnapshot, now time.Time) *planner {
	pl := &planner{s: s, now: now, seen: map[uuid.UUID]bool{}, sold: map[uuid.UUID]int{},
		tickets: map[PoolUser]int{}, boosts: map[PoolUser]int{}, retried: map[uuid.UUID]bool{},
		plans: map[uuid.UUID]*PoolPlan{}}
	for id, p := range s.Pools {
		pl.sold[id] = p.TicketsSold
	}
	return pl
}

func (pl *planner) decide(pu Purchase) {
	plan := pl.plans[pu.PoolID]
	if plan == nil {
		plan = &PoolPlan{PoolID: pu.PoolID}
		pl.plans[pu.PoolID] = plan
	}
	if reason := pl.check(pu); reason != "" {
		plan.Reject = append(plan.Reject, Rejection{Purchase: pu, Reason: reason})
		return
	}
	if pu.Type == PurchaseBoost {
		plan.Boost = append(plan.Boost, pu)
		pl.boosts[pu.Key()]++
		return
	}
	plan.Issue = append(plan.Issue, pu)
	pl.sold[pu.PoolID]++
	pl.tickets[pu.Key()]++
	if pu.Type == PurchaseRetry {
		pl.retried[pu.LosingTicketID] = true
	}
}

func (pl *planner) result() IssuePlan {
	out := IssuePlan{Pools: make([]PoolPlan, 0, len(pl.plans)), At: pl.now}
	for _, p := range pl.plans {
		if len(p.Issue) > 0 {
			p.number(pl.s.Pools[p.PoolID], pl.now)
		}
		out.Pools = append(out.Pools, *p)
	}
	slices.SortFunc(out.Pools, func(a, b PoolPlan) int { return bytes.Compare(a.PoolID[:], b.PoolID[:]) })
	return out
}

// number numbers the tickets to issue after the pool's last and counts them as sold; the
// pool becomes FULL when they fill it (the rules never issue past tickets_required).
func (pp *PoolPlan) number(pool Pool, now time.Time) {
	pp.FirstNum = pool.TicketsSold + 1
	pool.TicketsSold += len(pp.Issue)
	if pool.TicketsSold == pool.TicketsRequired {
		pool.State, pool.UpdatedAt = StateFull, now
	}
	pp.Pool = pool
}

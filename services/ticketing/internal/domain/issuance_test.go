package domain_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

var now = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func openPool(size, sold int, edit ...func(*domain.Pool)) domain.Pool {
	p := domain.Pool{ID: uuid.New(), PrizeID: uuid.New(), TicketPriceCents: 500, Currency: "EUR",
		TicketsRequired: size, TicketsSold: sold, State: domain.StateOpen, MaxBoostsPerUser: 1, WinnersCount: 1}
	for _, f := range edit {
		f(&p)
	}
	return p
}

func buy(pool domain.Pool, user uuid.UUID) domain.Purchase {
	return domain.Purchase{PurchaseID: uuid.New(), UserID: user, PoolID: pool.ID, Type: domain.PurchaseEntry,
		AmountCents: pool.TicketPriceCents, Currency: pool.Currency, PaymentMethod: "wallet"}
}

func snapshot(pools []domain.Pool, ps ...domain.Purchase) domain.IssueSnapshot {
	s := domain.IssueSnapshot{Purchases: ps, Decided: map[uuid.UUID]bool{}, Pools: map[uuid.UUID]domain.Pool{},
		Tickets: map[domain.PoolUser]int{}, Boosts: map[domain.PoolUser]int{}, Refs: map[uuid.UUID]domain.TicketRef{}}
	for _, p := range pools {
		s.Pools[p.ID] = p
	}
	return s
}

// reasons lists, per purchase in order, "" when issued or boosted, else the reason.
func reasons(plan domain.IssuePlan, ps []domain.Purchase) []string {
	got := map[uuid.UUID]string{}
	for _, pp := range plan.Pools {
		for _, r := range pp.Reject {
			got[r.Purchase.PurchaseID] = r.Reason
		}
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = got[p.PurchaseID]
	}
	return out
}

func TestCapacityAcceptsOnlyWhatIsLeftInOrder(t *testing.T) {
	pool := openPool(5, 3)
	ps := []domain.Purchase{buy(pool, uuid.New()), buy(pool, uuid.New()), buy(pool, uuid.New())}
	plan := domain.PlanIssuance(snapshot([]domain.Pool{pool}, ps...), now)
	if got := reasons(plan, ps); got[0] != "" || got[1] != "" || got[2] != domain.ReasonPoolFull {
		t.Fatalf("reasons %q, want the first two issued and the third full", got)
	}
	if len(plan.Pools) != 1 || len(plan.Pools[0].Issue) != 2 || plan.Pools[0].Issue[0].PurchaseID != ps[0].PurchaseID {
		t.Fatalf("plan %+v, want 2 tickets in delivery order", plan)
	}
}

func TestUserCapCountsHeldAndEarlierInBatch(t *testing.T) {
	pool := openPool(100, 1, func(p *domain.Pool) { p.MaxTicketsPerUser = new(2) })
	user, other := uuid.New(), uuid.New()
	ps := []domain.Purchase{buy(pool, user), buy(pool, other), buy(pool, user)}
	s := snapshot([]domain.Pool{pool}, ps...)
	s.Tickets[domain.PoolUser{PoolID: pool.ID, UserID: user}] = 1
	got := reasons(domain.PlanIssuance(s, now), ps)
	if got[0] != "" || got[1] != "" || !strings.Contains(got[2], "per-user limit") {
		t.Fatalf("reasons %q, want the user's second ticket in the batch capped", got)
	}
}

func TestEachPurchaseIsDecidedOnce(t *testing.T) {
	pool := openPool(10, 0)
	a, b := buy(pool, uuid.New()), buy(pool, uuid.New())
	s := snapshot([]domain.Pool{pool}, a, a, b)
	s.Decided[b.PurchaseID] = true
	plan := domain.PlanIssuance(s, now)
	if plan.Outcomes() != 1 || plan.Pools[0].Issue[0].PurchaseID != a.PurchaseID {
		t.Fatalf("plan %+v, want one ticket for a and nothing for the repeat or b", plan)
	}
}

func TestPoolStateAndTermsRefuse(t *testing.T) {
	past := now.Add(-time.Second)
	tests := []struct {
		name string
		pool domain.Pool
		edit func(*domain.Purchase)
		want string
	}{
		{"full", openPool(2, 2, func(p *domain.Pool) { p.State = domain.StateFull }), nil, domain.ReasonPoolFull},
		{"cancelled", openPool(2, 0, func(p *domain.Pool) { p.State = domain.StateCancelled }), nil, "CANCELLED, not OPEN"},
		{"deadline", openPool(2, 0, func(p *domain.Pool) { p.ClosesAt = &past }), nil, "closed for sale"},
		{"amount", openPool(2, 0), func(p *domain.Purchase) { p.AmountCents = 499 }, "differs from the pool's ticket price"},
		{"currency", openPool(2, 0), func(p *domain.Purchase) { p.Currency = "USD" }, "differs"},
		{"type", openPool(2, 0), func(p *domain.Purchase) { p.Type = "GIFT" }, "unknown purchase type"},
		{"boost unsold", openPool(2, 0), func(p *domain.Purchase) { p.Type = domain.PurchaseBoost }, domain.ReasonNoBoosts},
		{"retry unsold", openPool(2, 0), func(p *domain.Purchase) { p.Type = domain.PurchaseRetry }, domain.ReasonNoRetries},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := buy(tc.pool, uuid.New())
			if tc.edit != nil {
				tc.edit(&p)
			}
			got := reasons(domain.PlanIssuance(snapshot([]domain.Pool{tc.pool}, p), now), []domain.Purchase{p})
			if !strings.Contains(got[0], tc.want) || got[0] == "" {
				t.Fatalf("reason %q, want %q", got[0], tc.want)
			}
		})
	}
}

func TestIssuedTicketsAreNumberedAfterTheLastAndFillThePool(t *testing.T) {
	cases := []struct {
		name              string
		size, sold, buys  int
		wantFirst, wantTo int
		wantFull          bool
	}{
		{name: "room left", size: 10, sold: 3, buys: 2, wantFirst: 4, wantTo: 5},
		{name: "fills it", size: 5, sold: 3, buys: 2, wantFirst: 4, wantTo: 5, wantFull: true},
		{name: "more than fits", size: 5, sold: 4, buys: 3, wantFirst: 5, wantTo: 5, wantFull: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pool := openPool(tc.size, tc.sold)
			var ps []domain.Purchase
			for range tc.buys {
				ps = append(ps, buy(pool, uuid.New()))
			}
			pp := domain.PlanIssuance(snapshot([]domain.Pool{pool}, ps...), now).Pools[0]
			if pp.FirstNum != tc.wantFirst || pp.Pool.TicketsSold != tc.wantTo || pp.Filled() != tc.wantFull {
				t.Fatalf("first %d, sold %d, filled %v; want %d, %d, %v", pp.FirstNum, pp.Pool.TicketsSold,
					pp.Filled(), tc.wantFirst, tc.wantTo, tc.wantFull)
			}
			if want := map[bool]domain.State{true: domain.StateFull, false: domain.StateOpen}[tc.wantFull]; pp.Pool.State != want {
				t.Fatalf("pool state %s, want %s", pp.Pool.State, want)
			}
		})
	}
}

package domain_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

func TestBoostRules(t *testing.T) {
	pool := openPool(10, 1, func(p *domain.Pool) { p.BoostPriceCents, p.MaxBoostsPerUser = new(int64(100)), 2 })
	owner := uuid.New()
	ticket := domain.TicketRef{TicketID: uuid.New(), PoolID: pool.ID, UserID: owner, PoolState: domain.StateOpen}
	boost := func(user uuid.UUID, ticketID uuid.UUID) domain.Purchase {
		p := buy(pool, user)
		p.Type, p.TicketID, p.AmountCents = domain.PurchaseBoost, ticketID, 100
		return p
	}
	ps := []domain.Purchase{boost(owner, ticket.TicketID), boost(uuid.New(), ticket.TicketID),
		boost(owner, uuid.New()), boost(owner, uuid.Nil), boost(owner, ticket.TicketID), boost(owner, ticket.TicketID)}
	s := snapshot([]domain.Pool{pool}, ps...)
	s.Refs[ticket.TicketID] = ticket
	plan := domain.PlanIssuance(s, now)
	got := reasons(plan, ps)
	want := []string{"", "belongs to another user", "not a ticket of this pool", "needs the ticket_id", "", "boost limit"}
	for i := range want {
		if (want[i] == "") != (got[i] == "") || !strings.Contains(got[i], want[i]) {
			t.Errorf("boost %d: reason %q, want %q", i, got[i], want[i])
		}
	}
	if len(plan.Pools[0].Boost) != 2 || len(plan.Pools[0].Issue) != 0 {
		t.Fatalf("plan %+v, want 2 boosts and no ticket", plan.Pools[0])
	}
}

func TestRetryRules(t *testing.T) {
	prize := uuid.New()
	pool := openPool(10, 0, func(p *domain.Pool) { p.PrizeID, p.RetryPriceCents = prize, new(int64(250)) })
	user := uuid.New()
	lost := func(edit func(*domain.TicketRef)) domain.TicketRef {
		r := domain.TicketRef{TicketID: uuid.New(), PoolID: uuid.New(), UserID: user, PrizeID: prize,
			PoolState: domain.StateDrawn, Outcome: domain.OutcomeLost}
		if edit != nil {
			edit(&r)
		}
		return r
	}
	refs := []domain.TicketRef{lost(nil), lost(func(r *domain.TicketRef) { r.Outcome = domain.OutcomeWon }),
		lost(func(r *domain.TicketRef) { r.PrizeID = uuid.New() }), lost(func(r *domain.TicketRef) { r.Retried = true }),
		lost(func(r *domain.TicketRef) { r.UserID = uuid.New() })}
	retry := func(id uuid.UUID) domain.Purchase {
		p := buy(pool, user)
		p.Type, p.LosingTicketID, p.AmountCents = domain.PurchaseRetry, id, 250
		return p
	}
	ps := []domain.Purchase{retry(refs[0].TicketID), retry(refs[0].TicketID), retry(refs[1].TicketID),
		retry(refs[2].TicketID), retry(refs[3].TicketID), retry(refs[4].TicketID), retry(uuid.New())}
	s := snapshot([]domain.Pool{pool}, ps...)
	for _, r := range refs {
		s.Refs[r.TicketID] = r
	}
	got := reasons(domain.PlanIssuance(s, now), ps)
	want := []string{"", "already retried", "not a losing ticket", "another prize", "already retried",
		"belongs to another user", "not found"}
	for i := range want {
		if (want[i] == "") != (got[i] == "") || !strings.Contains(got[i], want[i]) {
			t.Errorf("retry %d: reason %q, want %q", i, got[i], want[i])
		}
	}
}

package ticketing_test

import (
	"strings"
	"testing"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
)

// ruleCase buys into a fresh pool: setup returns the purchase under test (after any that
// must succeed first), which must be rejected with a reason containing want.
type ruleCase struct {
	name  string
	pool  func(*ticketingrpc.CreatePoolRequest)
	setup func(e *env, pool ticketingrpc.Pool) events.PurchaseConfirmed
	want  string
}

func TestPurchasesBreakingARuleAreRejected(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(1)
	for _, tc := range ruleCases() {
		t.Run(tc.name, func(t *testing.T) {
			pool := e.pool(3, func(r *ticketingrpc.CreatePoolRequest) {
				r.MaxTicketsPerUser, r.BoostPriceCents, r.RetryPriceCents = ptr(2), ptr[int64](100), ptr[int64](300)
				if tc.pool != nil {
					tc.pool(r)
				}
			})
			p := tc.setup(e, pool)
			before := snapshot(e, pool.PoolID)
			e.confirm(p)
			got := e.await(p)[p.PurchaseID]
			if got.Type != events.TypeTicketRejected.String() || !strings.Contains(got.Reason, tc.want) {
				t.Fatalf("outcome %s %q, want ticket.rejected containing %q", got.Type, got.Reason, tc.want)
			}
			if got.PaymentMethod != p.PaymentMethod || got.AmountCents != p.AmountCents || got.UserID != p.UserID {
				t.Fatalf("rejection %+v does not describe the purchase %+v", got.Ticket, p)
			}
			if after := snapshot(e, pool.PoolID); after != before {
				t.Fatalf("a rejected purchase changed the pool: %s → %s", before, after)
			}
		})
	}
}

func ruleCases() []ruleCase {
	return []ruleCase{
		{name: "per-user cap across batches", want: "per-user limit", setup: func(e *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
			user := newUser()
			first := []events.PurchaseConfirmed{entry(pool, user), entry(pool, user)}
			e.confirm(first...)
			e.await(first...)
			return entry(pool, user)
		}},
		{name: "boost of someone else's ticket", want: "belongs to another user", setup: func(e *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
			return boost(pool, newUser(), buyTicket(e, pool, newUser()).TicketID)
		}},
		{name: "boost over the cap", want: "boost limit", setup: func(e *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
			user := newUser()
			ticket := buyTicket(e, pool, user)
			first := boost(pool, user, ticket.TicketID)
			e.confirm(first)
			if got := e.await(first)[first.PurchaseID]; got.Type != events.TypeTicketBoosted.String() || got.Weight != 2 {
				e.t.Fatalf("first boost: %s weight %d, want boosted to 2", got.Type, got.Weight)
			}
			return boost(pool, user, ticket.TicketID)
		}},
		{name: "boost where none is sold", want: "does not sell boosts", pool: func(r *ticketingrpc.CreatePoolRequest) { r.BoostPriceCents = nil },
			setup: func(e *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
				user := newUser()
				p := boost(pool, user, buyTicket(e, pool, user).TicketID)
				p.AmountCents = 100
				return p
			}},
		{name: "retry without a losing ticket", want: "needs a losing_ticket_id", setup: func(_ *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
			return retry(pool, newUser(), "")
		}},
		{name: "retry of a ticket still in play", want: "not a losing ticket", setup: func(e *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
			user := newUser()
			return retry(pool, user, buyTicket(e, pool, user).TicketID)
		}},
		{name: "amount other than the price", want: "differs from the pool's ticket price", setup: func(_ *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
			p := entry(pool, newUser())
			p.AmountCents = 1
			return p
		}},
		{name: "entry into a full pool", want: "pool is full", setup: func(e *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
			for range 3 {
				buyTicket(e, pool, newUser())
			}
			return entry(pool, newUser())
		}},
		{name: "entry into a cancelled pool", want: "pool is CANCELLED", setup: func(e *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
			buyTicket(e, pool, newUser())
			cancelPool(e, pool.PoolID)
			return entry(pool, newUser())
		}},
		{name: "unknown pool", want: "pool not found", setup: func(_ *env, pool ticketingrpc.Pool) events.PurchaseConfirmed {
			pool.PoolID = newUser()
			return entry(pool, newUser())
		}},
	}
}

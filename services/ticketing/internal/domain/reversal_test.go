package domain_test

import (
	"testing"

	"github.com/google/uuid"

	"tickup.dev/services/ticketing/internal/domain"
)

func TestDecideReversal(t *testing.T) {
	t.Parallel()
	pool := func(state domain.State, required, winners int) *domain.Pool {
		return &domain.Pool{State: state, TicketsRequired: required, WinnersCount: winners}
	}
	tests := []struct {
		name string
		snap domain.ReversalSnapshot
		want domain.ReversalFate
	}{
		{"not issued yet: never will be", domain.ReversalSnapshot{Pool: pool(domain.StateOpen, 3, 1)}, domain.FateReject},
		{"rejected before: Tickup refunded it", domain.ReversalSnapshot{Pool: pool(domain.StateOpen, 3, 1), Outcome: domain.PurchaseRejected}, domain.FateKeep},
		{"voided before: Tickup refunded it", domain.ReversalSnapshot{Pool: pool(domain.StateCancelled, 3, 1), Outcome: domain.PurchaseIssued, Voided: true}, domain.FateKeep},
		{"no such pool", domain.ReversalSnapshot{Outcome: domain.PurchaseIssued}, domain.FateKeep},
		{"open pool", domain.ReversalSnapshot{Pool: pool(domain.StateOpen, 3, 1), Outcome: domain.PurchaseIssued}, domain.FateVoid},
		{"open pool, boost", domain.ReversalSnapshot{Pool: pool(domain.StateOpen, 3, 3), Outcome: domain.PurchaseBoosted, VoidedInPool: 2}, domain.FateVoid},
		{"full pool", domain.ReversalSnapshot{Pool: pool(domain.StateFull, 3, 1), Outcome: domain.PurchaseIssued}, domain.FateKeep},
		{"started pool", domain.ReversalSnapshot{Pool: pool(domain.StateStarted, 3, 1), Outcome: domain.PurchaseBoosted}, domain.FateKeep},
		{"drawn pool", domain.ReversalSnapshot{Pool: pool(domain.StateDrawn, 3, 1), Outcome: domain.PurchaseIssued}, domain.FateKeep},
		{"cancelled pool", domain.ReversalSnapshot{Pool: pool(domain.StateCancelled, 3, 1), Outcome: domain.PurchaseIssued}, domain.FateKeep},
		{"last live tickets for the winners", domain.ReversalSnapshot{Pool: pool(domain.StateOpen, 3, 2), Outcome: domain.PurchaseIssued, VoidedInPool: 1}, domain.FateKeep},
		{"room for one more void", domain.ReversalSnapshot{Pool: pool(domain.StateOpen, 4, 2), Outcome: domain.PurchaseIssued, VoidedInPool: 1}, domain.FateVoid},
	}
	for _, tc := range tests {
		got := domain.DecideReversal(tc.snap, "refunded")
		if got.Fate != tc.want || (got.Fate == domain.FateKeep) != (got.Why != "") {
			t.Errorf("%s: %+v, want fate %d (and why only when kept)", tc.name, got, tc.want)
		}
	}
}

func TestVoidedTicketRefundsItsBoostsAndABoostOnlyItself(t *testing.T) {
	t.Parallel()
	open := &domain.Pool{State: domain.StateOpen, TicketsRequired: 5, WinnersCount: 1}
	retryOf := uuid.New()
	ticket := domain.Ticket{ID: uuid.New(), PurchaseID: uuid.New(), Source: domain.PurchaseRetry, RetryOf: &retryOf}
	boosts := []domain.Boost{{PurchaseID: uuid.New(), TicketID: ticket.ID}, {PurchaseID: uuid.New(), TicketID: ticket.ID}}

	v := domain.DecideReversal(domain.ReversalSnapshot{Pool: open, Outcome: domain.PurchaseIssued, Ticket: &ticket,
		TicketBoosts: boosts}, "refunded")
	if v.Fate != domain.FateVoid || len(v.Refunds) != 3 {
		t.Fatalf("ticket: %+v, want it voided with its 2 boosts", v)
	}
	if r := v.Refunds[0]; r.Ticket.PurchaseID != ticket.PurchaseID || r.PurchaseType != domain.PurchaseRetry || r.Reason != "refunded" {
		t.Fatalf("first refund %+v, want the ticket's own purchase", r)
	}
	for i, b := range boosts {
		r := v.Refunds[i+1]
		if r.Ticket.PurchaseID != b.PurchaseID || r.Ticket.ID != ticket.ID || r.Ticket.RetryOf != nil ||
			r.PurchaseType != domain.PurchaseBoost || r.Reason != domain.ReasonBoostedVoided {
			t.Fatalf("refund %d %+v, want boost %s of the ticket", i+1, r, b.PurchaseID)
		}
	}

	v = domain.DecideReversal(domain.ReversalSnapshot{Pool: open, Outcome: domain.PurchaseBoosted, Ticket: &ticket,
		Boost: &boosts[0]}, "disputed")
	if v.Fate != domain.FateVoid || len(v.Refunds) != 1 || v.Refunds[0].Ticket.PurchaseID != boosts[0].PurchaseID ||
		v.Refunds[0].PurchaseType != domain.PurchaseBoost {
		t.Fatalf("boost: %+v, want the boost alone refunded", v)
	}
}

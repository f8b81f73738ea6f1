package domain_test

import (
	"testing"

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
		got := domain.DecideReversal(tc.snap)
		if got.Fate != tc.want || (got.Fate == domain.FateKeep) != (got.Why != "") {
			t.Errorf("%s: %+v, want fate %d (and why only when kept)", tc.name, got, tc.want)
		}
	}
}

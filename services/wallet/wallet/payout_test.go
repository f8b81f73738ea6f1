package wallet_test

import (
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/ports"
	"tickup.dev/services/wallet/internal/wallettest"
)

// TestCashPrizeIsPaidOncePerWinningTicket delivers a CASH draw three times under new message
// ids, and a non-cash draw once: each winner is credited once, for the cash prize only.
func TestCashPrizeIsPaidOncePerWinningTicket(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	env.Start(t)
	alice, bob := uuid.NewString(), uuid.NewString()
	cash := events.DrawCompleted{SchemaVersion: events.SchemaVersion, DrawID: uuid.NewString(), PoolID: uuid.NewString(),
		PrizeID: uuid.NewString(), PrizeType: "CASH", PrizeValueCents: 25000, Currency: "EUR",
		Algorithm: "tickup-draw-v1", ProofHash: "00", Winners: []events.Winner{
			{Tier: 1, TicketID: uuid.NewString(), TicketNum: 7, UserID: bob},
			{Tier: 2, TicketID: uuid.NewString(), TicketNum: 3, UserID: alice},
		}}
	goods := cash
	goods.PoolID, goods.PrizeType = uuid.NewString(), "PHYSICAL"
	inParallel(t, 3, func(int) error { return env.SendNew(cash) })
	env.Publish(t, goods)
	env.WaitHandled(t, ports.DurableDraw, 4)

	for _, user := range []string{alice, bob} {
		if w := env.Wallet(t, user); w.BalanceCents != 25000 {
			t.Fatalf("winner %s has %d, want 25000", user, w.BalanceCents)
		}
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE reason = 'PRIZE_PAYOUT'`); n != 2 {
		t.Fatalf("%d payouts, want 2", n)
	}
	env.AssertAuditClean(t)
}

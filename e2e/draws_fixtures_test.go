package e2e

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/draw/draw"
	"tickup.dev/services/ticketing/ticketing"
	"tickup.dev/services/ticketing/ticketingaudit"
)

// drawStack starts a gateway with the real draw and ticketing services beside it and
// checks ticketing's invariants (docs/architecture.md, "Invariants") when the test ends.
func drawStack(t *testing.T) *stack {
	t.Helper()
	s := startStack(t, backend{name: draw.Name, run: draw.Run}, backend{name: ticketing.Name, run: ticketing.Run})
	tdb := testenv.Open(t, s.serviceDB(t, ticketing.Name))
	t.Cleanup(func() {
		found, err := ticketingaudit.Check(context.Background(), tdb)
		if err != nil {
			t.Errorf("ticketing audit: %v", err)
		}
		for _, v := range found {
			t.Errorf("ticketing invariant broken: %v", v)
		}
	})
	return s
}

// openPool creates a prize and an OPEN pool of size tickets with winners winners, through
// ticketing's RPC as an admin's request would; the pool has its draw commitment.
func (s *stack) openPool(t *testing.T, size, winners int) ticketingrpc.Pool {
	t.Helper()
	ctx := context.Background()
	client := ticketingrpc.NewClient(s.bus.NC)
	prize, err := client.CreatePrize(ctx, ticketingrpc.CreatePrizeRequest{Title: "Espresso machine", ValueCents: 49_900,
		Currency: "EUR", Stock: winners, SponsorName: "Tickup"})
	if err != nil {
		t.Fatalf("create prize: %v", err)
	}
	pool, err := client.CreatePool(ctx, ticketingrpc.CreatePoolRequest{PrizeID: prize.PrizeID, TicketPriceCents: 500,
		TicketsRequired: size, WinnersCount: &winners})
	if err != nil {
		t.Fatalf("create pool: %v", err)
	}
	return pool
}

// buy publishes a confirmed ENTRY purchase of pool by user, as the purchase flow would.
func (s *stack) buy(t *testing.T, pool ticketingrpc.Pool, user string) {
	t.Helper()
	p := events.PurchaseConfirmed{SchemaVersion: events.SchemaVersion, PurchaseID: uuid.NewString(), UserID: user,
		PoolID: pool.PoolID, Type: events.PurchaseEntry, AmountCents: pool.TicketPriceCents, Currency: pool.Currency,
		PaymentMethod: events.PaymentWallet}
	s.publish(t, "confirmed-"+p.PurchaseID, p)
}

// drawn waits until the proof of poolID is published and returns the anonymous answer.
func (s *stack) drawn(t *testing.T, poolID string) response {
	t.Helper()
	var r response
	testenv.WaitFor(t, backendWait, "draw of pool "+poolID, func() error {
		r = s.do(t, http.MethodGet, "/api/v1/draws/"+poolID, "", nil)
		if r.Status != http.StatusOK {
			return errStillThere
		}
		return nil
	})
	return r
}

package ticketing_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/testenv"
)

func TestDeadlineSweeperCancelsAndVoids(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(2) // both replicas sweep
	ctx := context.Background()
	prize := e.prize(4)
	later := func(r *ticketingrpc.CreatePoolRequest) { r.ClosesAt = ptr(time.Now().Add(time.Hour)) }
	expiring := e.poolOf(prize.PrizeID, 10, later)
	soldOut := e.poolOf(prize.PrizeID, 1, later)
	buys := []events.Ticket{buyTicket(e, expiring, newUser()), buyTicket(e, expiring, newUser())}
	buyTicket(e, soldOut, newUser())

	// The deadline passes: only the unsold pool is cancelled.
	if err := e.db.Exec(`UPDATE ticketing.raffle_pool SET closes_at = now() - interval '1 second'`).Error; err != nil {
		t.Fatalf("move the deadlines: %v", err)
	}
	testenv.WaitFor(t, waitLimit, "the expired pool cancelled", func() error {
		got, err := e.client.GetPool(ctx, expiring.PoolID)
		if err != nil || got.State != ticketingrpc.StateCancelled {
			return fmt.Errorf("pool %s, %v", got.State, err)
		}
		return nil
	})
	voided := testWaitEvents(t, e, events.StreamTicketing, len(buys), events.TypeTicketVoided)
	cancelled := testWaitEvents(t, e, events.StreamTicketing, 1, events.TypePoolCancelled)
	if len(voided) != 2 || len(cancelled) != 1 {
		t.Fatalf("%d voided and %d cancelled events, want 2 and 1", len(voided), len(cancelled))
	}
	if got, _ := e.client.GetPool(ctx, soldOut.PoolID); got.State != ticketingrpc.StateFull {
		t.Fatalf("sold-out pool %s after its deadline, want FULL", got.State)
	}
	if got, _ := e.client.GetPrize(ctx, prize.PrizeID); got.Stock != 3 {
		t.Fatalf("stock %d, want 3: the cancelled pool's unit back, the sold-out one's kept", got.Stock)
	}
	for _, v := range e.ticketEvents(events.TypeTicketVoided) {
		if v.Reason == "" || (v.TicketID != buys[0].TicketID && v.TicketID != buys[1].TicketID) {
			t.Fatalf("voided %+v, want one of the pool's tickets with a reason", v.Ticket)
		}
	}
}

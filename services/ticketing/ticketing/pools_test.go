package ticketing_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/rpc"
)

// wantProblem fails unless err is a problem of the given status and type.
func wantProblem(t *testing.T, err error, status int, typ string) *rpc.Problem {
	t.Helper()
	var p *rpc.Problem
	if !errors.As(err, &p) || p.Status != status || p.Type != typ {
		t.Fatalf("got %v, want a %d %s problem", err, status, typ)
	}
	return p
}

func TestPoolCreateReservesStockAndCommits(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(1)
	ctx := context.Background()
	prize := e.prize(3)
	pool := e.poolOf(prize.PrizeID, 10, func(r *ticketingrpc.CreatePoolRequest) { r.WinnersCount = ptr(2) })
	if pool.State != ticketingrpc.StateOpen || pool.Currency != "EUR" || pool.WinnersCount != 2 {
		t.Fatalf("pool %+v: want OPEN, EUR (the prize's), 2 winners", pool)
	}
	if want := e.draw.commitment(pool.PoolID); pool.DrawCommitment != want || want == "" {
		t.Fatalf("pool commitment %q, draw made %q", pool.DrawCommitment, want)
	}
	if got, _ := e.client.GetPrize(ctx, prize.PrizeID); got.Stock != 1 {
		t.Fatalf("stock %d after reserving 2 of 3, want 1", got.Stock)
	}
	_, err := e.client.CreatePool(ctx, ticketingrpc.CreatePoolRequest{PrizeID: prize.PrizeID,
		TicketPriceCents: price, TicketsRequired: 10, WinnersCount: ptr(2)})
	p := wantProblem(t, err, http.StatusConflict, ticketingrpc.TypePrizeOutOfStock)
	if p.Detail == "" {
		t.Fatal("out-of-stock problem without detail")
	}
	page, err := e.client.ListPools(ctx, ticketingrpc.ListPoolsRequest{PrizeID: prize.PrizeID})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("pools of the prize: %v, %v: want only the first", page.Items, err)
	}
	if got, _ := e.client.GetPrize(ctx, prize.PrizeID); got.Stock != 1 {
		t.Fatalf("stock %d after a refused pool, want 1", got.Stock)
	}
	testWaitEvents(t, e, events.StreamTicketing, 1, events.TypePoolOpened)
}

func TestPoolCreateWithoutDrawMakesNoPool(t *testing.T) {
	t.Parallel()
	e := newEnv(t) // no draw service answers
	e.start(1)
	ctx := context.Background()
	prize := e.prize(2)
	_, err := e.client.CreatePool(ctx, ticketingrpc.CreatePoolRequest{PrizeID: prize.PrizeID,
		TicketPriceCents: price, TicketsRequired: 10})
	wantProblem(t, err, http.StatusServiceUnavailable, ticketingrpc.TypeDrawUnavailable)
	if n := e.count(`SELECT count(*) FROM ticketing.raffle_pool`); n != 0 {
		t.Fatalf("%d pools stored without a commitment", n)
	}
	if got, _ := e.client.GetPrize(ctx, prize.PrizeID); got.Stock != 2 {
		t.Fatalf("stock %d, want the 2 untouched", got.Stock)
	}
}

func TestPoolUpdateRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(1)
	ctx := context.Background()
	pool := e.pool(10)
	updated, err := e.client.UpdatePool(ctx, ticketingrpc.UpdatePoolRequest{PoolID: pool.PoolID,
		TicketPriceCents: ptr[int64](700), TicketsRequired: ptr(20)})
	if err != nil || updated.TicketPriceCents != 700 || updated.TicketsRequired != 20 {
		t.Fatalf("update of an unsold pool: %+v, %v", updated, err)
	}
	e.confirm(entry(updated, newUser()))
	e.waitOutcomes(1)
	_, err = e.client.UpdatePool(ctx, ticketingrpc.UpdatePoolRequest{PoolID: pool.PoolID, TicketPriceCents: ptr[int64](900)})
	wantProblem(t, err, http.StatusConflict, ticketingrpc.TypePoolHasSales)
	_, err = e.client.UpdatePool(ctx, ticketingrpc.UpdatePoolRequest{PoolID: pool.PoolID, TicketsRequired: ptr(5)})
	wantProblem(t, err, http.StatusConflict, ticketingrpc.TypePoolHasSales)
	capped, err := e.client.UpdatePool(ctx, ticketingrpc.UpdatePoolRequest{PoolID: pool.PoolID, MaxTicketsPerUser: ptr(3)})
	if err != nil || capped.MaxTicketsPerUser == nil || *capped.MaxTicketsPerUser != 3 || capped.TicketPriceCents != 700 {
		t.Fatalf("cap change on a selling pool: %+v, %v", capped, err)
	}
	if _, err := e.client.CancelPool(ctx, ticketingrpc.CancelPoolRequest{PoolID: pool.PoolID}); err != nil {
		t.Fatalf("cancel: %v", err)
	}
	_, err = e.client.UpdatePool(ctx, ticketingrpc.UpdatePoolRequest{PoolID: pool.PoolID, MaxTicketsPerUser: ptr(4)})
	wantProblem(t, err, http.StatusConflict, ticketingrpc.TypePoolNotOpen)
}

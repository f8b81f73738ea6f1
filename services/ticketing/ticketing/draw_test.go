package ticketing_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/testenv"
)

func TestDrawnPoolMarksWinnersAndEnablesRetry(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(2)
	ctx := context.Background()
	prize := e.prize(5)
	pool := e.poolOf(prize.PrizeID, 3)
	users := []string{newUser(), newUser(), newUser()}
	tickets := make([]events.Ticket, len(users))
	for i, u := range users {
		tickets[i] = buyTicket(e, pool, u)
	}
	_, err := e.client.PoolTickets(ctx, ticketingrpc.PoolTicketsRequest{PoolID: pool.PoolID})
	wantProblem(t, err, http.StatusConflict, ticketingrpc.TypePoolState)
	for range 2 { // starting again is a no-op, not an error
		started, err := e.client.StartPool(ctx, pool.PoolID)
		if err != nil || started.State != ticketingrpc.StateStarted {
			t.Fatalf("start: %+v, %v", started, err)
		}
	}
	checkFrozenList(t, e, pool.PoolID, tickets)

	winner := tickets[1]
	e.publishDraw(t, "draw-1", pool, winner)
	e.publishDraw(t, "draw-2", pool, winner) // redelivered under another id: no second effect
	testWaitEvents(t, e, events.StreamTicketing, 1, events.TypePoolDrawn)
	testWaitEvents(t, e, events.StreamTicketing, 1, events.TypePoolStarted)
	got, _ := e.client.GetPool(ctx, pool.PoolID)
	if got.State != ticketingrpc.StateDrawn {
		t.Fatalf("pool %s after draw.completed, want DRAWN", got.State)
	}
	for i, tk := range tickets {
		want := ticketingrpc.OutcomeLost
		if i == 1 {
			want = ticketingrpc.OutcomeWon
		}
		view, err := e.client.GetTicket(ctx, ticketingrpc.TicketRequest{TicketID: tk.TicketID, UserID: users[i]})
		if err != nil || view.Outcome == nil || *view.Outcome != want {
			t.Fatalf("ticket %d: %+v, %v: want %s", tk.TicketNum, view, err, want)
		}
	}
	checkRetries(t, e, prize.PrizeID, users, tickets)
}

// checkFrozenList pages through the started pool's tickets two at a time.
func checkFrozenList(t *testing.T, e *env, poolID string, tickets []events.Ticket) {
	t.Helper()
	var all []ticketingrpc.PoolTicket
	cursor := ""
	for page := 0; ; page++ {
		got, err := e.client.PoolTickets(context.Background(), ticketingrpc.PoolTicketsRequest{PoolID: poolID, Limit: 2, Cursor: cursor})
		if err != nil || page > 2 {
			t.Fatalf("pool tickets page %d: %v", page, err)
		}
		all = append(all, got.Items...)
		if cursor = got.NextCursor; cursor == "" {
			break
		}
	}
	if len(all) != len(tickets) {
		t.Fatalf("%d tickets listed, want %d", len(all), len(tickets))
	}
	for i, pt := range all {
		if pt.TicketNum != i+1 || pt.TicketID != tickets[i].TicketID || pt.UserID != tickets[i].UserID || pt.Weight != 1 {
			t.Fatalf("listed ticket %d = %+v, want %+v", i, pt, tickets[i])
		}
	}
}

// checkRetries retries the losing tickets in a new pool of the same prize.
func checkRetries(t *testing.T, e *env, prizeID string, users []string, tickets []events.Ticket) {
	t.Helper()
	next := e.poolOf(prizeID, 10, func(r *ticketingrpc.CreatePoolRequest) { r.RetryPriceCents = ptr[int64](250) })
	other := e.pool(10, func(r *ticketingrpc.CreatePoolRequest) { r.RetryPriceCents = ptr[int64](250) })
	ok := retry(next, users[0], tickets[0].TicketID)
	cases := []struct {
		p    events.PurchaseConfirmed
		want string
	}{
		{ok, ""},
		{retry(next, users[0], tickets[0].TicketID), "already retried"},
		{retry(next, users[1], tickets[1].TicketID), "not a losing ticket"},
		{retry(next, users[0], tickets[2].TicketID), "belongs to another user"},
		{retry(other, users[2], tickets[2].TicketID), "another prize"},
	}
	for _, c := range cases {
		e.confirm(c.p)
		got := e.await(c.p)[c.p.PurchaseID]
		if c.want == "" && (got.Type != events.TypeTicketIssued.String() || got.RetryOfTicketID != tickets[0].TicketID) {
			t.Fatalf("retry of a losing ticket: %s %q, want issued retrying %s", got.Type, got.Reason, tickets[0].TicketID)
		}
		if c.want != "" && (got.Type != events.TypeTicketRejected.String() || !strings.Contains(got.Reason, c.want)) {
			t.Fatalf("retry: %s %q, want rejected with %q", got.Type, got.Reason, c.want)
		}
	}
}

func (e *env) publishDraw(t *testing.T, id string, pool ticketingrpc.Pool, winners ...events.Ticket) {
	t.Helper()
	ev := events.DrawCompleted{SchemaVersion: events.SchemaVersion, DrawID: newUser(), PoolID: pool.PoolID,
		PrizeID: pool.PrizeID, Algorithm: "tickup-draw-v1", Currency: pool.Currency}
	for i, w := range winners {
		ev.Winners = append(ev.Winners, events.Winner{Tier: i + 1, TicketID: w.TicketID, TicketNum: w.TicketNum, UserID: w.UserID})
	}
	data, err := events.Encode(ev)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	typ := events.TypeDrawCompleted
	msg := bus.Message{ID: id, Subject: typ.Subject(pool.PoolID), Type: typ.String(), Data: data}
	if err := e.bus.Publish(context.Background(), msg); err != nil {
		t.Fatalf("publish draw: %v", err)
	}
}

func TestDrawResultThatCannotApplyIsDeadLettered(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(1)
	pool := e.pool(3)
	ticket := buyTicket(e, pool, newUser())
	e.publishDraw(t, "draw-early", pool, ticket) // the pool is still OPEN
	testenv.WaitFor(t, waitLimit, "the result dead-lettered", func() error {
		s, err := e.bus.JS.Stream(context.Background(), events.StreamDLQ)
		if err != nil {
			return err
		}
		info, err := s.Info(context.Background())
		if err != nil {
			return err
		}
		if info.State.Msgs != 1 {
			return fmt.Errorf("DLQ holds %d messages", info.State.Msgs)
		}
		return nil
	})
	if got := snapshot(e, pool.PoolID); got != "OPEN sold=1 tickets=1 weight=1 accepted=1" {
		t.Fatalf("pool after a refused result: %s", got)
	}
	if n := e.count(`SELECT count(*) FROM ticketing.ticket WHERE outcome IS NOT NULL`); n != 0 {
		t.Fatalf("%d tickets got an outcome", n)
	}
}

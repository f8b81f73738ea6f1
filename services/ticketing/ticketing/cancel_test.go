package ticketing_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
)

func TestCancelReturnsStockAndVoidsEveryTicketOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(1)
	ctx := context.Background()
	prize := e.prize(5)
	pool := e.poolOf(prize.PrizeID, 10, func(r *ticketingrpc.CreatePoolRequest) {
		r.WinnersCount, r.BoostPriceCents = ptr(2), ptr[int64](100)
	})
	buys := []events.PurchaseConfirmed{entry(pool, newUser()), entry(pool, newUser()), entry(pool, newUser())}
	buys[2].PaymentMethod = events.PaymentProvider
	e.confirm(buys...)
	issued := e.waitOutcomes(3)
	e.confirm(boost(pool, buys[0].UserID, issued[buys[0].PurchaseID].TicketID))
	e.waitOutcomes(4)

	cancelled, err := e.client.CancelPool(ctx, ticketingrpc.CancelPoolRequest{PoolID: pool.PoolID, Reason: "sponsor withdrew"})
	if err != nil || cancelled.State != ticketingrpc.StateCancelled {
		t.Fatalf("cancel: %+v, %v", cancelled, err)
	}
	if got, _ := e.client.GetPrize(ctx, prize.PrizeID); got.Stock != 5 {
		t.Fatalf("stock %d after cancel, want the 5 back", got.Stock)
	}
	_, err = e.client.CancelPool(ctx, ticketingrpc.CancelPoolRequest{PoolID: pool.PoolID})
	wantProblem(t, err, http.StatusConflict, ticketingrpc.TypePoolNotOpen)

	testWaitEvents(t, e, events.StreamTicketing, 1, events.TypePoolCancelled)
	testWaitEvents(t, e, events.StreamTicketing, 4, events.TypeTicketVoided) // 3 tickets and the boost
	checkVoided(t, e, buys)
	if n := e.count(`SELECT count(*) FROM ticketing.ticket WHERE voided_at IS NULL`); n != 0 {
		t.Fatalf("%d tickets not voided", n)
	}

	late := entry(pool, newUser())
	e.confirm(late)
	if got := e.waitOutcomes(5)[late.PurchaseID]; got.Type != events.TypeTicketRejected.String() ||
		!strings.Contains(got.Reason, "CANCELLED") {
		t.Fatalf("purchase in a cancelled pool: %+v, want rejected naming CANCELLED", got)
	}
}

// checkVoided checks that each purchase was voided once, with what it paid and the reason.
func checkVoided(t *testing.T, e *env, buys []events.PurchaseConfirmed) {
	t.Helper()
	voided := map[string]events.Ticket{}
	for _, v := range e.ticketEvents(events.TypeTicketVoided) {
		if _, dup := voided[v.PurchaseID]; dup {
			t.Fatalf("purchase %s voided twice", v.PurchaseID)
		}
		voided[v.PurchaseID] = v.Ticket
	}
	for _, b := range buys {
		v, ok := voided[b.PurchaseID]
		if !ok || v.AmountCents != b.AmountCents || v.PaymentMethod != b.PaymentMethod || v.Reason != "sponsor withdrew" {
			t.Errorf("purchase %s voided as %+v, want its amount, method and the reason", b.PurchaseID, v)
		}
	}
}

package ticketing_test

import (
	"context"
	"net/http"
	"testing"

	"tickup.dev/pkg/contract/ticketingrpc"
)

func TestPrizeLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(1)
	ctx := context.Background()
	var ids []string
	for range 5 {
		ids = append(ids, e.prize(1).PrizeID)
	}
	var listed []string
	cursor := ""
	for {
		page, err := e.client.ListPrizes(ctx, ticketingrpc.ListPrizesRequest{Limit: 2, Cursor: cursor})
		if err != nil || len(page.Items) > 2 {
			t.Fatalf("list: %d items, %v", len(page.Items), err)
		}
		for _, p := range page.Items {
			listed = append(listed, p.PrizeID)
		}
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	if len(listed) != 5 || listed[0] != ids[0] || listed[4] != ids[4] {
		t.Fatalf("listed %v, want %v in creation order", listed, ids)
	}
	updated, err := e.client.UpdatePrize(ctx, ticketingrpc.UpdatePrizeRequest{PrizeID: ids[0],
		Title: ptr("Bicycle"), Stock: ptr(4), Kind: ptr(ticketingrpc.KindCash)})
	if err != nil || updated.Title != "Bicycle" || updated.Stock != 4 || updated.Kind != "CASH" || updated.ValueCents != 49_900 {
		t.Fatalf("update: %+v, %v", updated, err)
	}
	pool := e.poolOf(ids[0], 5)
	wantProblem(t, e.client.DeletePrize(ctx, ids[0]), http.StatusConflict, ticketingrpc.TypePrizeInUse)
	cancelPool(e, pool.PoolID)
	if err := e.client.DeletePrize(ctx, ids[0]); err != nil {
		t.Fatalf("delete a prize whose pools are over: %v", err)
	}
	_, err = e.client.GetPrize(ctx, ids[0])
	wantProblem(t, err, http.StatusNotFound, ticketingrpc.TypePrizeNotFound)
	_, err = e.client.CreatePool(ctx, ticketingrpc.CreatePoolRequest{PrizeID: ids[0], TicketPriceCents: 1, TicketsRequired: 1})
	wantProblem(t, err, http.StatusNotFound, ticketingrpc.TypePrizeNotFound)
}

func TestBadInputIsA422NamingTheFields(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(1)
	ctx := context.Background()
	prize := e.prize(1)
	tests := []struct {
		name   string
		call   func() error
		fields []string
	}{
		{"prize", func() error {
			_, err := e.client.CreatePrize(ctx, ticketingrpc.CreatePrizeRequest{ValueCents: -1, Currency: "eur",
				Stock: -2, Kind: "GOLD", SponsorURL: "ftp://x"})
			return err
		}, []string{"title", "value_cents", "currency", "stock", "kind", "sponsor_url"}},
		{"pool", func() error {
			_, err := e.client.CreatePool(ctx, ticketingrpc.CreatePoolRequest{PrizeID: prize.PrizeID, TicketPriceCents: 0,
				Currency: "EURO", TicketsRequired: 2, WinnersCount: ptr(3), MaxTicketsPerUser: ptr(0),
				BoostPriceCents: ptr[int64](-5), ClosesAt: ptr(prize.CreatedAt)})
			return err
		}, []string{"ticket_price_cents", "currency", "winners_count", "max_tickets_per_user", "boost_price_cents", "closes_at"}},
		{"prize value over 10^11 cents", func() error {
			_, err := e.client.CreatePrize(ctx, ticketingrpc.CreatePrizeRequest{Title: "Car", ValueCents: 100_000_000_001,
				Currency: "EUR", Stock: 1, Kind: "PHYSICAL"})
			return err
		}, []string{"value_cents"}},
		{"pool prices over 10^11 cents", func() error {
			_, err := e.client.CreatePool(ctx, ticketingrpc.CreatePoolRequest{PrizeID: prize.PrizeID, TicketPriceCents: 100_000_000_001,
				Currency: "EUR", TicketsRequired: 2, BoostPriceCents: ptr[int64](100_000_000_001), RetryPriceCents: ptr[int64](100_000_000_001)})
			return err
		}, []string{"ticket_price_cents", "boost_price_cents", "retry_price_cents"}},
		{"pool id", func() error { _, err := e.client.GetPool(ctx, "nope"); return err }, []string{"pool_id"}},
		{"list", func() error {
			_, err := e.client.ListPools(ctx, ticketingrpc.ListPoolsRequest{State: "SOLD", Limit: 1000, Cursor: "%%"})
			return err
		}, []string{"state", "limit", "cursor"}},
		{"tickets", func() error {
			_, err := e.client.ListTickets(ctx, ticketingrpc.ListTicketsRequest{})
			return err
		}, []string{"user_id"}},
		{"purchase", func() error { _, err := e.client.TicketByPurchase(ctx, ""); return err }, []string{"purchase_id"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := wantProblem(t, tc.call(), http.StatusUnprocessableEntity, ticketingrpc.TypeValidation)
			for _, f := range tc.fields {
				if p.Errors[f] == "" {
					t.Errorf("problem errors %v do not name %s", p.Errors, f)
				}
			}
		})
	}
	if n := e.count(`SELECT count(*) FROM ticketing.raffle_pool`); n != 0 {
		t.Fatalf("%d pools stored from bad input", n)
	}
}

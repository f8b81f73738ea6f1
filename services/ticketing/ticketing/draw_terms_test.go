package ticketing_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"tickup.dev/pkg/contract/ticketingrpc"
)

func TestPoolShowsItsDrawTermsAndNeverChangesThem(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(1)
	pool := e.poolOf(e.prize(2).PrizeID, 10, func(r *ticketingrpc.CreatePoolRequest) { r.WinnersCount = ptr(2) })
	if pool.DrawTerms == nil || pool.DrawTerms.WinnersCount != 2 || pool.DrawTerms.Beacon != nil {
		t.Fatalf("pool terms %+v, want 2 winners and no beacon, as the draw fixed them", pool.DrawTerms)
	}
	got, err := e.client.GetPool(context.Background(), pool.PoolID)
	if err != nil || got.DrawTerms == nil || *got.DrawTerms != *pool.DrawTerms {
		t.Fatalf("read back %+v, %v", got.DrawTerms, err)
	}
	for _, change := range []string{
		`UPDATE ticketing.raffle_pool SET draw_terms = '{"winners_count": 2, "beacon": {"chain_hash": "00", "round_rule": "x"}}' WHERE pool_id = ?`,
		`UPDATE ticketing.raffle_pool SET draw_commitment = sha256(draw_commitment) WHERE pool_id = ?`,
	} {
		err := e.db.Exec(change, pool.PoolID).Error
		if err == nil || !strings.Contains(err.Error(), "fixed when the pool is created") {
			t.Errorf("%s: %v, want the change refused", change, err)
		}
	}
}

func TestPoolWhoseDrawTermsDoNotMatchIsNotCreated(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.draw.extraWinners = 1
	e.start(1)
	prize := e.prize(2)
	_, err := e.client.CreatePool(context.Background(), ticketingrpc.CreatePoolRequest{PrizeID: prize.PrizeID,
		TicketPriceCents: price, TicketsRequired: 10})
	p := wantProblem(t, err, http.StatusServiceUnavailable, ticketingrpc.TypeDrawUnavailable)
	if !strings.Contains(p.Detail, "terms of 2 winners for a pool of 1") {
		t.Fatalf("detail %q", p.Detail)
	}
	if n := e.count(`SELECT count(*) FROM ticketing.raffle_pool`); n != 0 {
		t.Fatalf("%d pools stored with mismatched terms", n)
	}
}

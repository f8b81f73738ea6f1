package e2e

import (
	"net/http"
	"testing"

	"github.com/google/uuid"
)

// TestRaffleCatalogueRoutes covers /prizes and /pools: admins write, anyone reads, lists
// page and filter, and ticketing's refusals come through as problems.
func TestRaffleCatalogueRoutes(t *testing.T) {
	r := startRaffle(t, 1)
	_, userTok := newUser(t, roleUser)
	var prize Prize
	resp := r.do(t, http.MethodPost, "/api/v1/prizes", r.adminTok, map[string]any{"title": "Trip", "value_cents": 250000,
		"currency": "EUR", "stock": 3, "kind": "CASH", "sponsor_name": "Acme"})
	resp.decode(t, http.StatusCreated, &prize)
	if resp.Header.Get("Location") != "/api/v1/prizes/"+prize.PrizeID || prize.Stock != 3 || prize.Kind != "CASH" {
		t.Fatalf("prize %+v at %q", prize, resp.Header.Get("Location"))
	}
	r.do(t, http.MethodPatch, "/api/v1/prizes/"+prize.PrizeID, r.adminTok, map[string]any{"title": "Trip for two"}).decode(t, http.StatusOK, &prize)
	if prize.Title != "Trip for two" || prize.ValueCents != 250000 {
		t.Fatalf("patched prize %+v", prize)
	}
	pools := make([]Pool, 3)
	for i := range pools {
		r.do(t, http.MethodPost, "/api/v1/pools", r.adminTok, map[string]any{"prize_id": prize.PrizeID, "ticket_price_cents": 200,
			"tickets_required": 10 + i}).decode(t, http.StatusCreated, &pools[i])
	}
	if pools[0].State != "OPEN" || pools[0].Currency != "EUR" || len(pools[0].DrawCommitment) != 64 || pools[0].BoostPriceCents != nil {
		t.Fatalf("pool %+v", pools[0])
	}
	r.do(t, http.MethodGet, "/api/v1/prizes/"+prize.PrizeID, "", nil).decode(t, http.StatusOK, &prize)
	if prize.Stock != 0 {
		t.Fatalf("stock %d after three pools, want 0", prize.Stock)
	}
	r.do(t, http.MethodPost, "/api/v1/pools", r.adminTok, map[string]any{"prize_id": prize.PrizeID, "ticket_price_cents": 200,
		"tickets_required": 5}).problem(t, http.StatusConflict, "prize-out-of-stock")
	var cancelled Pool
	r.do(t, http.MethodPost, "/api/v1/pools/"+pools[2].PoolID+"/cancel", r.adminTok, nil).decode(t, http.StatusOK, &cancelled)
	r.do(t, http.MethodPut, "/api/v1/pools/"+pools[1].PoolID, r.adminTok, map[string]any{"boost_price_cents": 100}).decode(t, http.StatusOK, &pools[1])
	if cancelled.State != "CANCELLED" || pools[1].BoostPriceCents == nil || *pools[1].BoostPriceCents != 100 {
		t.Fatalf("cancelled %+v, updated %+v", cancelled, pools[1])
	}
	if got := pagePools(t, r, "prize_id="+prize.PrizeID+"&state=OPEN"); len(got) != 2 {
		t.Fatalf("%d OPEN pools of the prize, want 2", len(got))
	}
	if got := pagePools(t, r, "prize_id="+prize.PrizeID); len(got) != 3 {
		t.Fatalf("%d pools of the prize, want 3", len(got))
	}
	r.expectRefusals(t, []refusal{
		{"user creates a prize", userTok, http.MethodPost, "/api/v1/prizes", map[string]any{"title": "x"}, 403, SlugForbidden},
		{"user cancels a pool", userTok, http.MethodPost, "/api/v1/pools/" + pools[0].PoolID + "/cancel", nil, 403, SlugForbidden},
		{"prize in use", r.adminTok, http.MethodDelete, "/api/v1/prizes/" + prize.PrizeID, nil, 409, "prize-in-use"},
		{"cancel twice", r.adminTok, http.MethodPost, "/api/v1/pools/" + pools[2].PoolID + "/cancel", nil, 409, "pool-not-open"},
		{"unknown pool", "", http.MethodGet, "/api/v1/pools/" + uuid.NewString(), nil, 404, "pool-not-found"},
		{"unknown prize", "", http.MethodGet, "/api/v1/prizes/" + uuid.NewString(), nil, 404, "prize-not-found"},
		{"bad state filter", "", http.MethodGet, "/api/v1/pools?state=SOLD", nil, 422, SlugValidation},
		{"bad prize filter", "", http.MethodGet, "/api/v1/pools?prize_id=7", nil, 422, SlugValidation},
		{"bad pool", r.adminTok, http.MethodPost, "/api/v1/pools", map[string]any{"prize_id": prize.PrizeID, "ticket_price_cents": 0, "tickets_required": 0}, 422, "validation-failed"},
		{"unknown field", r.adminTok, http.MethodPost, "/api/v1/prizes", `{"title": "x", "colour": "red"}`, 422, SlugUnknownField},
	})
	var other Prize
	r.do(t, http.MethodPost, "/api/v1/prizes", r.adminTok, map[string]any{"title": "Mug", "value_cents": 900, "currency": "EUR", "stock": 1}).
		decode(t, http.StatusCreated, &other)
	if resp := r.do(t, http.MethodDelete, "/api/v1/prizes/"+other.PrizeID, r.adminTok, nil); resp.Status != http.StatusNoContent {
		t.Fatalf("delete an unused prize: %d %s", resp.Status, resp.Body)
	}
	if n := len(pagePrizes(t, r)); n != 1 {
		t.Fatalf("%d prizes listed, want 1", n)
	}
}

// pagePools lists pools matching query, one per page.
func pagePools(t *testing.T, r *raffle, query string) []Pool {
	t.Helper()
	var all []Pool
	for cursor := ""; ; {
		var page struct {
			Items      []Pool `json:"items"`
			NextCursor string `json:"next_cursor"`
		}
		r.do(t, http.MethodGet, "/api/v1/pools?limit=1&"+query+"&cursor="+cursor, "", nil).decode(t, http.StatusOK, &page)
		all = append(all, page.Items...)
		if cursor = page.NextCursor; cursor == "" {
			return all
		}
	}
}

// pagePrizes lists every prize, one per page.
func pagePrizes(t *testing.T, r *raffle) []Prize {
	t.Helper()
	var all []Prize
	for cursor := ""; ; {
		var page struct {
			Items      []Prize `json:"items"`
			NextCursor string  `json:"next_cursor"`
		}
		r.do(t, http.MethodGet, "/api/v1/prizes?limit=1&cursor="+cursor, "", nil).decode(t, http.StatusOK, &page)
		all = append(all, page.Items...)
		if cursor = page.NextCursor; cursor == "" {
			return all
		}
	}
}

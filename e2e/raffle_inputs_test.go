package e2e

import (
	"net/http"
	"testing"

	"github.com/google/uuid"
)

// refusal is a request and the problem it must get.
type refusal struct {
	name   string
	tok    string
	method string
	path   string
	body   any
	status int
	slug   string
}

// expectRefusals sends each request and checks its problem.
func (r *raffle) expectRefusals(t *testing.T, cases []refusal) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r.do(t, tc.method, tc.path, tc.tok, tc.body).problem(t, tc.status, tc.slug)
		})
	}
}

// TestRaffleRefusesBadPurchases: bodies that lie about the price, ask for what the pool
// does not sell, or are malformed store nothing.
func TestRaffleRefusesBadPurchases(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 5, nil)
	bob, _ := newUser(t, roleUser)
	_, annTok := newUser(t, roleUser)
	post := func(name string, body any, status int, slug string) refusal {
		return refusal{name, annTok, http.MethodPost, "/api/v1/purchases", body, status, slug}
	}
	id := pool.PoolID
	r.expectRefusals(t, []refusal{
		post("amount differs", map[string]any{"pool_id": id, "provider": "stripe", "amount_cents": 499}, 422, SlugValidation),
		post("amount over 10^11 cents", map[string]any{"pool_id": id, "provider": "stripe", "amount_cents": maxCents + 1}, 422, SlugValidation),
		post("currency differs", map[string]any{"pool_id": id, "provider": "stripe", "currency": "USD"}, 422, SlugValidation),
		post("no boosts sold", map[string]any{"pool_id": id, "type": "BOOST", "ticket_id": uuid.NewString(), "payment_method": "wallet"}, 422, "not-sold-in-pool"),
		post("no retries sold", map[string]any{"pool_id": id, "type": "RETRY", "losing_ticket_id": uuid.NewString(), "provider": "generic"}, 422, "not-sold-in-pool"),
		post("unknown pool", map[string]any{"pool_id": uuid.NewString(), "provider": "stripe"}, 404, "pool-not-found"),
		post("unknown field", `{"pool_id": "`+id+`", "provider": "stripe", "discount_cents": 100}`, 422, SlugUnknownField),
		post("wrong type", `{"pool_id": "`+id+`", "provider": "stripe", "amount_cents": "500"}`, 422, SlugValidation),
		post("malformed", `{"pool_id": `, 400, SlugMalformedJSON),
		post("no payment method", map[string]any{"pool_id": id}, 422, SlugValidation),
		post("unknown provider", map[string]any{"pool_id": id, "provider": "paypal"}, 422, SlugValidation),
		post("wallet with a provider", map[string]any{"pool_id": id, "payment_method": "wallet", "provider": "stripe"}, 422, SlugValidation),
		post("ticket_id on an entry", map[string]any{"pool_id": id, "provider": "stripe", "ticket_id": uuid.NewString()}, 422, SlugValidation),
		post("not a pool id", map[string]any{"pool_id": "pool-1", "provider": "stripe"}, 422, SlugValidation),
		post("someone else's user_id", map[string]any{"pool_id": id, "provider": "stripe", "user_id": bob}, 403, SlugForbidden),
	})
	if n := r.count(t, `SELECT count(*) FROM purchase`); n != 0 {
		t.Fatalf("refused purchases stored %d rows", n)
	}
	if n := r.count(t, `SELECT count(*) FROM outbox WHERE event_type LIKE 'tickup.api.purchase.%'`); n != 0 {
		t.Fatalf("refused purchases wrote %d events", n)
	}
}

// TestRaffleSettlementAndVisibilityRules: only the service role and admins settle, and only
// PENDING purchases; users see only their own purchases and tickets; FULL and CANCELLED
// pools sell nothing.
func TestRaffleSettlementAndVisibilityRules(t *testing.T) {
	r := startRaffle(t, 1)
	pool := r.createPool(t, 1, nil)
	_, annTok := newUser(t, roleUser)
	bob, bobTok := newUser(t, roleUser)
	p := r.buy(t, annTok, map[string]any{"pool_id": pool.PoolID, "provider": "stripe"})
	w := r.buy(t, annTok, map[string]any{"pool_id": pool.PoolID, "payment_method": "wallet"})
	put := func(name, tok, id, status string, code int, slug string) refusal {
		return refusal{name, tok, http.MethodPut, "/api/v1/purchases/" + id, map[string]any{"status": status}, code, slug}
	}
	var failed Purchase
	r.do(t, http.MethodPut, "/api/v1/purchases/"+p.PurchaseID, r.svcTok, map[string]any{"status": "FAILED", "failure_reason": "fraud"}).
		decode(t, http.StatusOK, &failed)
	if failed.Status != StatusFailed || failed.FailureReason != "fraud" {
		t.Fatalf("PUT FAILED gave %+v", failed)
	}
	r.expectRefusals(t, []refusal{
		put("a user settles", annTok, p.PurchaseID, "CONFIRMED", 403, SlugForbidden),
		put("FAILED to CONFIRMED", r.adminTok, p.PurchaseID, "CONFIRMED", 409, "illegal-transition"),
		put("to REFUNDED", r.svcTok, p.PurchaseID, "REFUNDED", 422, SlugValidation),
		put("wallet-paid", r.svcTok, w.PurchaseID, "CONFIRMED", 409, "wallet-paid"),
		put("unknown purchase", r.svcTok, uuid.NewString(), "CONFIRMED", 404, "purchase-not-found"),
		{"unknown field", r.svcTok, http.MethodPut, "/api/v1/purchases/" + p.PurchaseID, `{"status": "FAILED", "note": "x"}`, 422, SlugUnknownField},
	})
	if again := r.purchase(t, annTok, p.PurchaseID); !again.UpdatedAt.Equal(failed.UpdatedAt) || again.Status != StatusFailed {
		t.Fatalf("refused settlements changed the purchase: %+v", again)
	}
	q := r.buy(t, bobTok, map[string]any{"pool_id": pool.PoolID, "provider": "generic"})
	r.do(t, http.MethodPut, "/api/v1/purchases/"+q.PurchaseID, r.svcTok, map[string]any{"status": "CONFIRMED", "provider_txn_id": "txn_q"}).
		decode(t, http.StatusOK, &q)
	ticket := r.waitTicket(t, bobTok, pool.PoolID, q.PurchaseID)
	cancelled := r.createPool(t, 3, nil)
	r.do(t, http.MethodPost, "/api/v1/pools/"+cancelled.PoolID+"/cancel", r.adminTok, map[string]any{"reason": "sponsor left"}).
		decode(t, http.StatusOK, &cancelled)
	redeemBob := map[string]any{"pool_id": pool.PoolID, "purchase_id": q.PurchaseID}
	r.expectRefusals(t, []refusal{
		{"another's purchase", annTok, http.MethodGet, "/api/v1/purchases/" + q.PurchaseID, nil, 404, "purchase-not-found"},
		{"another's ticket", annTok, http.MethodGet, "/api/v1/tickets/" + ticket.TicketID, nil, 404, "ticket-not-found"},
		{"redeem another's purchase", annTok, http.MethodPost, "/api/v1/tickets", redeemBob, 404, "purchase-not-found"},
		{"redeem as another", annTok, http.MethodPost, "/api/v1/tickets", map[string]any{"pool_id": pool.PoolID, "purchase_id": q.PurchaseID, "user_id": bob}, 403, SlugForbidden},
		{"full pool", annTok, http.MethodPost, "/api/v1/purchases", map[string]any{"pool_id": pool.PoolID, "provider": "stripe"}, 409, "pool-not-open"},
		{"cancelled pool", annTok, http.MethodPost, "/api/v1/purchases", map[string]any{"pool_id": cancelled.PoolID, "provider": "stripe"}, 409, "pool-not-open"},
	})
	if got := len(r.myTickets(t, annTok, "")); got != 0 || r.countPurchases(t, annTok, "") != 2 {
		t.Fatalf("ann sees %d tickets and %d purchases, want 0 and 2", got, r.countPurchases(t, annTok, ""))
	}
	var mine Ticket
	r.do(t, http.MethodPost, "/api/v1/tickets", bobTok, redeemBob).decode(t, http.StatusOK, &mine)
	if mine.TicketID != ticket.TicketID {
		t.Fatalf("redeem gave %+v, want %+v", mine, ticket)
	}
}

package chaos

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"tickup.dev/services/api/api"
)

// Traffic's shape: small pools (so they sell out and are drawn during the run), a ticket
// price, and how many buyers work at once.
const (
	poolSize   = 8
	priceCents = 500
	openPools  = 2
	buyers     = 6
)

// traffic is the load of a run: admins open pools (and cancel a few), buyers top up their
// wallets and buy with them or by card, webhooks arrive twice or late.
type traffic struct {
	top      *topology
	c        *client
	opts     Options
	adminTok string

	mu    sync.Mutex
	rng   *rand.Rand
	pools []string // open pools

	wg                                                  sync.WaitGroup // late webhooks
	purchases, cardPaid, walletPaid, refused, cancelled atomic.Int64
	topups, duplicateHooks, lateHooks, poolsOpened      atomic.Int64
	clientErrors                                        atomic.Int64
}

func newTraffic(top *topology, opts Options, seed uint64) *traffic {
	return &traffic{top: top, c: newClient(top.apiURLs), opts: opts, rng: rand.New(rand.NewPCG(seed, seed+1))}
}

func (t *traffic) token(userID, role string) string {
	tok, err := api.MintTokenWith(t.top.jwtSecret, userID, userID[:8]+"@chaos.example", role, 2*time.Hour,
		api.TokenOptions{Issuer: "tickup-chaos"})
	if err != nil {
		panic(err) // only a malformed role fails, and the roles are constants
	}
	return tok
}

func (t *traffic) intn(n int) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.rng.IntN(n)
}

func (t *traffic) chance(p float64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.rng.Float64() < p
}

// run drives the load for d, then waits for the late webhooks.
func (t *traffic) run(ctx context.Context, d time.Duration) {
	t.adminTok = t.token(uuid.NewString(), api.TokenRoleAdmin)
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var wg sync.WaitGroup
	for range buyers {
		wg.Go(func() {
			for ctx.Err() == nil {
				// A purchase once started is carried through (paid, its webhook sent) even
				// past the end of the load, as a real buyer's would be.
				if err := t.buyOnce(context.WithoutCancel(ctx)); err != nil {
					t.clientErrors.Add(1)
					t.opts.logf("buyer: %v", err)
				}
			}
		})
	}
	wg.Wait()
	t.wg.Wait()
}

// pool returns an open pool, opening one when fewer than openPools are.
func (t *traffic) pool(ctx context.Context) (string, error) {
	t.mu.Lock()
	if len(t.pools) >= openPools {
		p := t.pools[t.rng.IntN(len(t.pools))]
		t.mu.Unlock()
		return p, nil
	}
	t.mu.Unlock()
	var prize, pool struct {
		PrizeID string `json:"prize_id"`
		PoolID  string `json:"pool_id"`
	}
	if _, err := t.c.call(ctx, http.MethodPost, "/prizes", t.adminTok, map[string]any{"title": "Chaos prize",
		"value_cents": 4000, "currency": "EUR", "stock": 1}, &prize); err != nil {
		return "", err
	}
	if _, err := t.c.call(ctx, http.MethodPost, "/pools", t.adminTok, map[string]any{"prize_id": prize.PrizeID,
		"ticket_price_cents": priceCents, "tickets_required": poolSize}, &pool); err != nil {
		return "", err
	}
	if n := t.poolsOpened.Add(1); n%7 == 0 { // now and then a pool is cancelled mid-sale
		t.wg.Go(func() { t.cancelLater(context.WithoutCancel(ctx), pool.PoolID) })
	}
	t.mu.Lock()
	t.pools = append(t.pools, pool.PoolID)
	t.mu.Unlock()
	return pool.PoolID, nil
}

func (t *traffic) closed(poolID string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, p := range t.pools {
		if p == poolID {
			t.pools = append(t.pools[:i], t.pools[i+1:]...)
			return
		}
	}
}

func (t *traffic) cancelLater(ctx context.Context, poolID string) {
	time.Sleep(2 * time.Second)
	status, _ := t.c.call(ctx, http.MethodPost, "/pools/"+poolID+"/cancel", t.adminTok, map[string]any{"reason": "chaos"}, nil)
	if status/100 == 2 {
		t.cancelled.Add(1)
		t.closed(poolID)
	}
}

// buyOnce is one new buyer's purchase of one ticket, by wallet or by card.
func (t *traffic) buyOnce(ctx context.Context) error {
	poolID, err := t.pool(ctx)
	if err != nil {
		return err
	}
	userID := uuid.NewString()
	tok := t.token(userID, api.TokenRoleUser)
	card := t.chance(0.5)
	if !card {
		if err := t.fund(ctx, tok); err != nil {
			return err
		}
	}
	body := map[string]any{"pool_id": poolID, "payment_method": "wallet"}
	if card {
		body["payment_method"], body["provider"] = "provider", "generic"
	}
	var p struct {
		PurchaseID string `json:"purchase_id"`
	}
	status, err := t.c.call(ctx, http.MethodPost, "/purchases", tok, body, &p)
	if status == http.StatusConflict || status == http.StatusUnprocessableEntity {
		t.refused.Add(1) // sold out or cancelled meanwhile
		t.closed(poolID)
		return nil
	}
	if err != nil {
		return err
	}
	t.purchases.Add(1)
	if !card {
		t.walletPaid.Add(1)
		return nil
	}
	t.cardPaid.Add(1)
	return t.deliver(ctx, "purchase_id", p.PurchaseID)
}

// fund tops the buyer's wallet up with one ticket's price and waits for the credit.
func (t *traffic) fund(ctx context.Context, tok string) error {
	var topup struct {
		TopupID string `json:"topup_id"`
	}
	if _, err := t.c.call(ctx, http.MethodPost, "/wallet/topups", tok, map[string]any{"amount_cents": priceCents,
		"provider": "generic"}, &topup); err != nil {
		return err
	}
	t.topups.Add(1)
	if err := t.deliver(ctx, "topup_id", topup.TopupID); err != nil {
		return err
	}
	deadline := time.Now().Add(retryFor)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		var w struct {
			AvailableCents int64 `json:"available_cents"`
		}
		if _, err := t.c.call(ctx, http.MethodGet, "/wallet", tok, nil, &w); err == nil && w.AvailableCents >= priceCents {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("top-up %s not credited after %s", topup.TopupID, retryFor)
}

// deliver posts the provider's signed payment.succeeded: sometimes twice, sometimes late.
func (t *traffic) deliver(ctx context.Context, kind, id string) error {
	headers, body, err := t.opts.Webhook(t.top.whSecret, kind, id, priceCents)
	if err != nil {
		return err
	}
	var flat []string
	for k := range headers {
		flat = append(flat, k, headers.Get(k))
	}
	post := func(ctx context.Context) error {
		_, err := t.c.call(ctx, http.MethodPost, "/webhooks/generic", "", body, nil, flat...)
		return err
	}
	if kind == "purchase_id" && t.chance(0.15) {
		t.lateHooks.Add(1)
		delay := time.Duration(1+t.intn(3)) * time.Second
		t.wg.Go(func() {
			time.Sleep(delay)
			if err := post(context.WithoutCancel(ctx)); err != nil {
				t.clientErrors.Add(1)
				t.opts.logf("late webhook: %v", err)
			}
		})
		return nil
	}
	if err := post(ctx); err != nil {
		return err
	}
	if t.chance(0.15) {
		t.duplicateHooks.Add(1)
		return post(ctx)
	}
	return nil
}

// counts are the load's figures for the report.
func (t *traffic) counts() map[string]int64 {
	return map[string]int64{
		"purchases_accepted": t.purchases.Load(), "wallet_paid": t.walletPaid.Load(), "card_paid": t.cardPaid.Load(),
		"purchases_refused": t.refused.Load(), "topups": t.topups.Load(), "pools_opened": t.poolsOpened.Load(),
		"cancellations": t.cancelled.Load(), "webhooks_twice": t.duplicateHooks.Load(), "webhooks_late": t.lateHooks.Load(),
		"client_retries": t.c.retries.Load(), "answers_503": t.c.unavailable.Load(),
	}
}

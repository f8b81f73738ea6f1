package e2e

import (
	"context"
	"errors"
	"math"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/walletrpc"
)

// fundWorkers is how many wallet adjustments run at once while buyers are prepared.
const fundWorkers = 16

// buyer is one flash-sale customer: who, and when its POST /purchases was sent for which
// purchase.
type buyer struct {
	userID, tok string
	sent        time.Time
	purchaseID  string
}

// openPool has the admin create a prize and a pool of size tickets at rafflePrice.
func (r *benchRaffle) openPool(size int) Pool {
	r.tb.Helper()
	var prize Prize
	var pool Pool
	_, err := r.send(http.MethodPost, "/api/v1/prizes", r.adminTok, map[string]any{"title": "Bench bike",
		"value_cents": 90000, "currency": "EUR", "stock": 1}, &prize, http.StatusCreated)
	if err == nil {
		_, err = r.send(http.MethodPost, "/api/v1/pools", r.adminTok, map[string]any{"prize_id": prize.PrizeID,
			"ticket_price_cents": rafflePrice, "tickets_required": size}, &pool, http.StatusCreated)
	}
	if err != nil {
		r.tb.Fatalf("open pool: %v", err)
	}
	return pool
}

// buyers makes m users, each with a wallet credited with one ticket's price (walletrpc
// adjustments, fundWorkers at a time).
func (r *benchRaffle) buyers(m int) []*buyer {
	r.tb.Helper()
	out := make([]*buyer, m)
	for i := range out {
		id := uuid.NewString()
		out[i] = &buyer{userID: id, tok: r.token(roleUser, id)}
	}
	err := forEach(out, fundWorkers, func(by *buyer) error {
		_, err := r.wallet.Adjust(context.Background(), walletrpc.AdjustmentRequest{Actor: r.adminID,
			UserID: by.userID, Direction: "CREDIT", AmountCents: rafflePrice, Reason: "flash sale bench funding"})
		return err
	})
	if err != nil {
		r.tb.Fatalf("fund the buyers: %v", err)
	}
	return out
}

// buy posts by's wallet purchase of one ticket of poolID, noting when it was sent. A 409
// (the pool sold out meanwhile) leaves by without a purchase.
func (r *benchRaffle) buy(poolID string, by *buyer) error {
	var p Purchase
	by.sent = time.Now()
	_, err := r.send(http.MethodPost, "/api/v1/purchases", by.tok, map[string]any{"pool_id": poolID,
		"payment_method": "wallet", "amount_cents": rafflePrice}, &p, http.StatusAccepted, http.StatusConflict)
	by.purchaseID = p.PurchaseID
	return err
}

// burst sends every buyer's purchase at once.
func (r *benchRaffle) burst(poolID string, buyers []*buyer) error {
	return forEach(buyers, len(buyers), func(by *buyer) error { return r.buy(poolID, by) })
}

// paced sends the buyers' purchases one by one at perSecond (open loop: a slow answer does
// not delay the next purchase).
func (r *benchRaffle) paced(poolID string, buyers []*buyer, perSecond float64) error {
	tick := time.NewTicker(time.Duration(float64(time.Second) / perSecond))
	defer tick.Stop()
	errs := make(chan error, len(buyers))
	var wg sync.WaitGroup
	for _, by := range buyers {
		<-tick.C
		wg.Go(func() { errs <- r.buy(poolID, by) })
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

// forEach runs fn on every item, workers at a time, and joins the errors.
func forEach[T any](items []T, workers int, fn func(T) error) error {
	work := make(chan T)
	errs := make(chan error, len(items))
	var wg sync.WaitGroup
	for range min(workers, len(items)) {
		wg.Go(func() {
			for item := range work {
				errs <- fn(item)
			}
		})
	}
	for _, item := range items {
		work <- item
	}
	close(work)
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

// latencies pairs each ticketed purchase with the moment it recorded its ticket and
// returns the latencies, sorted, and the span from the first POST to the last ticket.
func latencies(buyers []*buyer, ticketed map[string]time.Time) ([]time.Duration, time.Duration) {
	out := make([]time.Duration, 0, len(ticketed))
	first, last := buyers[0].sent, buyers[0].sent
	for _, by := range buyers {
		if by.sent.Before(first) {
			first = by.sent
		}
		at, ok := ticketed[by.purchaseID]
		if !ok {
			continue
		}
		out = append(out, at.Sub(by.sent))
		if at.After(last) {
			last = at
		}
	}
	slices.Sort(out)
	return out, last.Sub(first)
}

// percentile is the p-th percentile (0 < p ≤ 1) of sorted durations.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(float64(len(sorted))*p)) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

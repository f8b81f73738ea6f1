package loadgen

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/google/uuid"
)

// buyer is one customer of the sale and what happened to its purchase, when.
type buyer struct {
	userID, tok string
	purchaseID  string
	sent        time.Time // POST /purchases sent
	accepted    time.Time // answered 202
	paid        time.Time // card: the provider's webhook answered
	confirmed   time.Time // first answer saying the purchase is paid
	ticketed    time.Time // the ticket answered 200
	firstTry    bool      // the first POST /tickets already answered the ticket
	ticketNum   int
	outcome     string // "ticket", "sold-out", "failed", "not-started", "error"
	err         error
}

// prepare mints the buyers' tokens and, for wallet purchases, funds each wallet with one
// ticket's price: a top-up and the provider's signed webhook, Concurrency at a time.
func (c *client) prepare(ctx context.Context) ([]*buyer, error) {
	buyers := make([]*buyer, c.opts.Users)
	for i := range buyers {
		id := uuid.NewString()
		tok, err := c.opts.Token(id, false)
		if err != nil {
			return nil, fmt.Errorf("buyer token: %w", err)
		}
		buyers[i] = &buyer{userID: id, tok: tok, outcome: "not-started"}
	}
	if c.opts.Method != "wallet" {
		return buyers, nil
	}
	return buyers, forEach(ctx, buyers, c.opts.Concurrency, func(b *buyer) error { return c.fund(ctx, b) })
}

// fund tops b's wallet up with one ticket's price and waits until it is available.
func (c *client) fund(ctx context.Context, b *buyer) error {
	var topup struct {
		TopupID string `json:"topup_id"`
	}
	_, err := c.call(ctx, http.MethodPost, "/wallet/topups", b.tok, map[string]any{
		"amount_cents": c.opts.PriceCents, "provider": "generic"}, &topup)
	if err == nil {
		err = c.webhook(ctx, "topup_id", topup.TopupID, c.opts.PriceCents)
	}
	if err != nil {
		return fmt.Errorf("fund buyer %s: %w", b.userID, err)
	}
	return poll(ctx, 30*time.Second, func() (bool, error) {
		var w struct {
			AvailableCents int64 `json:"available_cents"`
		}
		_, err := c.call(ctx, http.MethodGet, "/wallet", b.tok, nil, &w)
		return err == nil && w.AvailableCents >= c.opts.PriceCents, nil
	})
}

// sell lets the buyers buy, Concurrency at a time, until all have or Duration is over.
func (c *client) sell(ctx context.Context, pool string, buyers []*buyer) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Duration)
	defer cancel()
	work := make(chan *buyer)
	var wg sync.WaitGroup
	for range min(c.opts.Concurrency, len(buyers)) {
		wg.Go(func() {
			for b := range work {
				c.buy(ctx, pool, b)
			}
		})
	}
	for _, b := range buyers {
		select {
		case work <- b:
		case <-ctx.Done():
		}
	}
	close(work)
	wg.Wait()
}

// forEach runs fn on every item, workers at a time, and returns the first error.
func forEach[T any](ctx context.Context, items []T, workers int, fn func(T) error) error {
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
		if ctx.Err() != nil {
			break
		}
		work <- item
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// poll calls check with a back-off from 10 to 100 ms until it says done, fails, or limit passes.
func poll(ctx context.Context, limit time.Duration, check func() (bool, error)) error {
	deadline := time.Now().Add(limit)
	for wait := 10 * time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		done, err := check()
		if done || err != nil {
			return err
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not done after %s", limit)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

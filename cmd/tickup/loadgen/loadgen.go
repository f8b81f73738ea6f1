// Package loadgen is `tickup load`: it drives a flash sale against any Tickup deployment
// through its public HTTP API, as real buyers would, and reports throughput, per-stage
// latency percentiles and oversell. It is bounded in count (users) and time (duration).
package loadgen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Options describe one flash sale.
type Options struct {
	API         string        // the gateway's base URL, e.g. http://127.0.0.1:8000
	Users       int           // buyers, one ticket each
	PoolSize    int           // tickets in the pool (Users > PoolSize tries to oversell it)
	Concurrency int           // buyers in flight at once
	Duration    time.Duration // the sale stops starting purchases after this long
	PriceCents  int64         // ticket price
	Method      string        // "wallet" (funded by signed top-up webhooks) or "card" (signed payment webhooks)
	// Token mints an access token for userID (admin or buyer), signed with the deployment's secret.
	Token func(userID string, admin bool) (string, error)
	// Webhook signs a generic provider's payment.succeeded for a purchase or top-up (kind
	// "purchase_id" or "topup_id") of amount cents and returns the headers and body to post.
	Webhook func(kind, id string, amount int64) (http.Header, []byte, error)
	Out     io.Writer // progress lines; nil: none
}

func (o Options) check() error {
	var errs []error
	if o.API == "" {
		errs = append(errs, errors.New("--api is required"))
	}
	if o.Users < 1 || o.Users > 1_000_000 {
		errs = append(errs, fmt.Errorf("--users must be 1..1000000, got %d", o.Users))
	}
	if o.PoolSize < 1 || o.PoolSize > 1_000_000 {
		errs = append(errs, fmt.Errorf("--pool-size must be 1..1000000, got %d", o.PoolSize))
	}
	if o.Concurrency < 1 || o.Concurrency > 10_000 {
		errs = append(errs, fmt.Errorf("--concurrency must be 1..10000, got %d", o.Concurrency))
	}
	if o.Duration <= 0 || o.Duration > 24*time.Hour {
		errs = append(errs, fmt.Errorf("--duration must be positive and at most 24h, got %s", o.Duration))
	}
	if o.PriceCents < 1 {
		errs = append(errs, fmt.Errorf("--price must be a positive number of cents, got %d", o.PriceCents))
	}
	if o.Method != "wallet" && o.Method != "card" {
		errs = append(errs, fmt.Errorf("--method must be wallet or card, got %q", o.Method))
	}
	return errors.Join(errs...)
}

// Flash runs the sale: an admin opens a prize and a pool, the buyers are prepared (wallet:
// each funded with one ticket's price through a top-up and its signed webhook), then they
// buy, Concurrency at a time, each waiting for its ticket. The report says what happened.
func Flash(ctx context.Context, opts Options) (Report, error) {
	if err := opts.check(); err != nil {
		return Report{}, err
	}
	c := newClient(opts)
	pool, err := c.openPool(ctx)
	if err != nil {
		return Report{}, err
	}
	c.logf("pool %s opened: %d tickets at %d cents", pool, opts.PoolSize, opts.PriceCents)
	buyers, err := c.prepare(ctx)
	if err != nil {
		return Report{}, err
	}
	c.logf("%d buyers ready; selling for at most %s, %d at a time", len(buyers), opts.Duration, opts.Concurrency)
	start := time.Now()
	c.sell(ctx, pool, buyers)
	rep := summarise(buyers, time.Since(start), opts)
	rep.PoolID = pool
	if rep.Oversold, err = c.oversold(ctx, pool, buyers); err != nil {
		return rep, err
	}
	return rep, nil
}

func (c *client) logf(format string, args ...any) {
	if c.opts.Out != nil {
		fmt.Fprintf(c.opts.Out, format+"\n", args...)
	}
}

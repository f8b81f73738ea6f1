package chaos

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"tickup.dev/pkg/contract/events"
)

// unsettled are the queries that read 0 once the system is at rest: nothing pending,
// held, waiting for its draw or left in an outbox.
var unsettled = map[string]string{
	"pending purchases":   `SELECT count(*) FROM api.purchase WHERE status = 'PENDING'`,
	"active wallet holds": `SELECT count(*) FROM wallet.wallet_hold WHERE status = 'ACTIVE'`,
	"pools awaiting draw": `SELECT count(*) FROM ticketing.raffle_pool WHERE state IN ('FULL', 'STARTED')`,
	"api outbox":          `SELECT count(*) FROM api.outbox WHERE published_at IS NULL`,
	"ticketing outbox":    `SELECT count(*) FROM ticketing.outbox WHERE published_at IS NULL`,
	"wallet outbox":       `SELECT count(*) FROM wallet.outbox WHERE published_at IS NULL`,
	"draw outbox":         `SELECT count(*) FROM draw.outbox WHERE published_at IS NULL`,
}

// quiesce waits until every service is up and nothing is left to do, and says how long it took.
func (t *topology) quiesce(ctx context.Context, limit time.Duration) (float64, error) {
	start := time.Now()
	err := waitFor(ctx, limit, "quiescence", func(ctx context.Context) error {
		for _, p := range t.replicas() {
			if err := ready(p.health); err != nil {
				return err
			}
		}
		if err := t.settled(ctx); err != nil {
			return err
		}
		_, err := t.consumersDrained(ctx)
		return err
	})
	return time.Since(start).Seconds(), err
}

func (t *topology) settled(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, t.pg.URL("tickup"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	for what, q := range unsettled {
		var n int64
		if err := conn.QueryRow(ctx, q).Scan(&n); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if n > 0 {
			return fmt.Errorf("%d %s", n, what)
		}
	}
	return nil
}

// consumersDrained checks every durable consumer (the services' own) has no message pending or unacknowledged
// and returns the redeliveries they made.
func (t *topology) consumersDrained(ctx context.Context) (int64, error) {
	js, closeJS, err := t.jetStream()
	if err != nil {
		return 0, err
	}
	defer closeJS()
	var redelivered int64
	for _, stream := range []string{events.StreamAPI, events.StreamTicketing, events.StreamWallet, events.StreamDraw} {
		s, err := js.Stream(ctx, stream)
		if err != nil {
			return 0, err
		}
		names := s.ConsumerNames(ctx)
		for name := range names.Name() {
			c, err := s.Consumer(ctx, name)
			if err != nil {
				return 0, err
			}
			info := c.CachedInfo()
			if info.Config.Durable == "" {
				continue // a gateway's live stream (SSE); it ends with its subscriber
			}
			if info.NumPending > 0 || info.NumAckPending > 0 {
				return 0, fmt.Errorf("consumer %s/%s: %d pending, %d unacknowledged", stream, name, info.NumPending, info.NumAckPending)
			}
			redelivered += int64(info.NumRedelivered)
		}
		if err := names.Err(); err != nil {
			return 0, err
		}
	}
	return redelivered, nil
}

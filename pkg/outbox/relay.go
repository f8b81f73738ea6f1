package outbox

import (
	"github.com/prometheus/client_golang/prometheus"

	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/db"
)

// Publisher is what the relay needs of the bus.
type Publisher interface {
	Publish(ctx context.Context, m bus.Message) error
}

// Relay publishes a schema's committed outbox rows in sequence order. Replicas may each run
// one: a session advisory lock lets exactly one publish while the others wait to take over.
type Relay struct {
	DSN       string   // for the relay's own connection (lock and LISTEN); search_path is set from Schema
	DB        *gorm.DB // the service's pool, for reading and marking rows
	Schema    string
	Source    string // CloudEvents source, e.g. "/tickup/wallet"
	Pub       Publisher
	Log       *slog.Logger
	Poll      time.Duration          // fallback when no notification arrives; default 1s
	Batch     int                    // rows read at a time; default 500
	Retention time.Duration          // how long published rows are kept; default 24h
	Published *prometheus.CounterVec // counts published events by type when set (NewPublishedCounter)
}

// Run relays until ctx is cancelled, reconnecting after database errors.
func (r *Relay) Run(ctx context.Context) error {
	r.defaults()
	for {
		err := r.session(ctx)
		if ctx.Err() != nil {
			return nil
		}
		r.Log.Warn("outbox relay lost its session; retrying", "schema", r.Schema, "err", err)
		sleep(ctx, r.Poll)
	}
}

func (r *Relay) defaults() {
	if r.Log == nil {
		r.Log = slog.New(slog.DiscardHandler)
	}
	r.Poll = orDefault(r.Poll, time.Second)
	r.Batch = orDefault(r.Batch, 500)
	r.Retention = orDefault(r.Retention, 24*time.Hour)
}

// session holds one dedicated connection: it waits for the relay lock, listens, and relays.
func (r *Relay) session(ctx context.Context) error {
	dsn, err := db.WithSearchPath(r.DSN, r.Schema)
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("relay connection: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if err := r.waitForLock(ctx, conn); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{Channel(r.Schema)}.Sanitize()); err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	r.Log.Info("outbox relay active", "schema", r.Schema)
	lastPurge := time.Time{}
	for {
		if err := r.publishPending(ctx); err != nil {
			return err
		}
		if time.Since(lastPurge) > time.Minute {
			r.purge(ctx)
			lastPurge = time.Now()
		}
		if err := waitForHint(ctx, conn, r.Poll); err != nil {
			return err
		}
	}
}

func (r *Relay) waitForLock(ctx context.Context, conn *pgx.Conn) error {
	key := db.AdvisoryKey("tickup.outbox." + r.Schema)
	for {
		var got bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&got); err != nil {
			return fmt.Errorf("relay lock: %w", err)
		}
		if got {
			return nil
		}
		if !sleep(ctx, r.Poll) {
			return ctx.Err()
		}
	}
}

// waitForHint returns on a notification or after poll; a broken connection is an error.
func waitForHint(ctx context.Context, conn *pgx.Conn, poll time.Duration) error {
	wctx, cancel := context.WithTimeout(ctx, poll)
	defer cancel()
	_, err := conn.WaitForNotification(wctx)
	switch {
	case err == nil, ctx.Err() == nil && errors.Is(wctx.Err(), context.DeadlineExceeded):
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	default:
		return fmt.Errorf("wait for notification: %w", err)
	}
}

func (r *Relay) purge(ctx context.Context) {
	res := r.DB.WithContext(ctx).Exec(`DELETE FROM outbox WHERE published_at < now() - make_interval(secs => ?)`, r.Retention.Seconds())
	if res.Error != nil {
		r.Log.Warn("outbox purge failed", "schema", r.Schema, "err", res.Error)
	}
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

func orDefault[T int | time.Duration](v, d T) T {
	if v > 0 {
		return v
	}
	return d
}

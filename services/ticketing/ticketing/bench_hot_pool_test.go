package ticketing_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/testenv"
)

// hotPoolDefaultN is the hot pool size of docs/performance.md; TICKUP_BENCH_HOT_POOL_N overrides it.
const hotPoolDefaultN = 100_000

// publishChunk is how many purchases are published before waiting for their PubAcks.
const publishChunk = 1000

// BenchmarkHotPool is the hot pool of docs/performance.md: N confirmed purchases of ONE pool (distinct
// users, tickets_required = N) wait in the API stream before ticketing starts. The timer runs
// from starting two replicas (Run, as the tests do) until the TICKETING stream holds N
// ticket.issued events for the pool, so start-up and the outbox relay are included. Each
// iteration uses a new pool. Reports tickets/s and, with TICKUP_BENCH_PGBENCH_TPS set,
// x_pgbench = tickets/s ÷ pgbench TPS (target ≥ 10).
func BenchmarkHotPool(b *testing.B) {
	n := testenv.EnvInt(b, "TICKUP_BENCH_HOT_POOL_N", hotPoolDefaultN)
	e := newBenchEnv(b)
	var timed time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		pool := e.openPool(n)
		e.backlog(pool, n)
		b.StartTimer()
		started := time.Now()
		stop := e.startReplicas(2)
		e.waitIssued(pool.PoolID, n)
		timed += time.Since(started)
		b.StopTimer()
		stop()
		e.checkSoldOut(pool.PoolID, n)
		e.audit()
	}
	perSecond := float64(n*b.N) / timed.Seconds()
	b.ReportMetric(perSecond, "tickets/s")
	testenv.ReportPgbenchRatio(b, perSecond)
	b.Logf("hot pool: %d tickets issued in %s per iteration (%.0f tickets/s)", n, timed/time.Duration(b.N), perSecond)
}

// backlog publishes n confirmed ENTRY purchases of pool by distinct users, in order.
func (e *benchEnv) backlog(pool ticketingrpc.Pool, n int) {
	e.tb.Helper()
	typ := events.TypePurchaseConfirmed
	for from := 0; from < n; from += publishChunk {
		msgs := make([]bus.Message, 0, publishChunk)
		for range min(publishChunk, n-from) {
			p := entry(pool, newUser())
			data, err := events.Encode(p)
			if err != nil {
				e.tb.Fatalf("encode: %v", err)
			}
			msgs = append(msgs, bus.Message{ID: "confirmed-" + p.PurchaseID, Subject: typ.Subject(""),
				Type: typ.String(), Data: data})
		}
		if stored, err := e.bus.PublishBatch(context.Background(), msgs); err != nil {
			e.tb.Fatalf("publish the backlog (%d of a chunk stored): %v", stored, err)
		}
	}
}

// waitIssued polls the TICKETING stream every 10 ms until it holds n ticket.issued events of
// poolID. (testenv.WaitFor backs off to 250 ms, too coarse for a measurement.)
func (e *benchEnv) waitIssued(poolID string, n int) {
	e.tb.Helper()
	deadline := time.Now().Add(waitLimit + time.Duration(n)*time.Millisecond)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		got, err := e.issuedEvents(poolID)
		if err == nil && got >= n {
			return
		}
		if time.Now().After(deadline) {
			e.tb.Fatalf("%d of %d ticket.issued events in time (last error %v)", got, n, err)
		}
	}
}

// issuedEvents counts the ticket.issued events of poolID in the TICKETING stream.
func (e *benchEnv) issuedEvents(poolID string) (int, error) {
	ctx := context.Background()
	stream, err := e.bus.JS.Stream(ctx, events.StreamTicketing)
	if err != nil {
		return 0, fmt.Errorf("stream %s: %w", events.StreamTicketing, err)
	}
	subject := events.TypeTicketIssued.Subject(poolID)
	info, err := stream.Info(ctx, jetstream.WithSubjectFilter(subject))
	if err != nil {
		return 0, fmt.Errorf("stream %s info: %w", events.StreamTicketing, err)
	}
	return int(info.State.Subjects[subject]), nil
}

// checkSoldOut fails unless the pool went FULL with exactly n tickets and the stream holds
// exactly n ticket.issued events for it.
func (e *benchEnv) checkSoldOut(poolID string, n int) {
	e.tb.Helper()
	p := ticketingrpc.Pool{PoolID: poolID, TicketsRequired: n}
	var tickets int
	row := e.db.Raw(`SELECT p.state, p.tickets_sold, (SELECT count(*) FROM ticketing.ticket t WHERE t.pool_id = p.pool_id)
		FROM ticketing.raffle_pool p WHERE p.pool_id = ?`, poolID).Row()
	if err := row.Scan(&p.State, &p.TicketsSold, &tickets); err != nil {
		e.tb.Fatalf("read pool %s: %v", poolID, err)
	}
	if p.TicketsSold != n || tickets != n || p.State != ticketingrpc.StateFull {
		e.tb.Fatalf("%s with %d ticket rows: want FULL with %d", describe(p), tickets, n)
	}
	if got, err := e.issuedEvents(poolID); err != nil || got != n {
		e.tb.Fatalf("pool %s: %d ticket.issued events (%v), want %d", poolID, got, err, n)
	}
}

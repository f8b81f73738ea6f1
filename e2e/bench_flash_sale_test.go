package e2e

import (
	"slices"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
)

// flashDefaultN is the default size of a flash sale's pool; TICKUP_BENCH_FLASH_N overrides it.
const flashDefaultN = 2000

// BenchmarkFlashSale is the flash sale of docs/performance.md through the whole wallet saga over HTTP: the
// real gateway (no write limits), draw, ticketing and wallet (two replicas each). Each
// iteration opens a pool of N tickets and funds N + 5% buyers' wallets (untimed), then all of
// them POST /purchases (payment_method wallet) at once; it ends when every accepted purchase
// has settled: N with their ticket recorded, the others refunded (pool full) or refused
// (409). It fails on any oversell, a purchase in an unexpected state, or a broken audit.
//
// Metrics: purchases/s = N ÷ (first POST → last ticket recorded on its purchase);
// burst_p99_ms = p99 of POST → ticket recorded in that burst; p99_ms = the same p99 in a
// second sale whose purchases arrive one by one at half the measured rate (docs/performance.md's
// latency target, ≤ 250 ms); x_pgbench = purchases/s ÷ TICKUP_BENCH_PGBENCH_TPS (≥ 1).
// "Ticket recorded" is the purchase's updated_at, written with issued_ticket_id.
func BenchmarkFlashSale(b *testing.B) {
	n := testenv.EnvInt(b, "TICKUP_BENCH_FLASH_N", flashDefaultN)
	r := startBenchRaffle(b)
	var span time.Duration
	var burst []time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		pool, buyers := r.openPool(n), r.buyers(n+overDemand(n))
		b.StartTimer()
		if err := r.burst(pool.PoolID, buyers); err != nil {
			b.Fatalf("flash sale: %v", err)
		}
		ticketed := r.waitSettled(pool.PoolID, n, buyers)
		b.StopTimer()
		r.checkSale(pool.PoolID, n, buyers, ticketed)
		b.Logf("burst saga, %s", r.sagaStages(pool.PoolID))
		lat, s := latencies(buyers, ticketed)
		span, burst = span+s, append(burst, lat...)
	}
	perSecond := float64(n*b.N) / span.Seconds()
	paced := r.pacedSale(n, perSecond/2)
	slices.Sort(burst)
	b.ReportMetric(perSecond, "purchases/s")
	b.ReportMetric(ms(percentile(paced, 0.99)), "p99_ms")
	b.ReportMetric(ms(percentile(burst, 0.99)), "burst_p99_ms")
	testenv.ReportPgbenchRatio(b, perSecond)
	b.Logf("flash sale of %d: %.0f purchases/s in a burst (p50 %s, p99 %s); at %.0f/s p50 %s, p99 %s",
		n, perSecond, percentile(burst, 0.5), percentile(burst, 0.99), perSecond/2,
		percentile(paced, 0.5), percentile(paced, 0.99))
}

// pacedSale runs one more sale of n tickets whose purchases arrive at perSecond and returns
// the sorted POST → ticket latencies.
func (r *benchRaffle) pacedSale(n int, perSecond float64) []time.Duration {
	r.tb.Helper()
	pool, buyers := r.openPool(n), r.buyers(n+overDemand(n))
	if err := r.paced(pool.PoolID, buyers, perSecond); err != nil {
		r.tb.Fatalf("paced sale: %v", err)
	}
	ticketed := r.waitSettled(pool.PoolID, n, buyers)
	r.checkSale(pool.PoolID, n, buyers, ticketed)
	r.tb.Logf("paced saga, %s", r.sagaStages(pool.PoolID))
	lat, _ := latencies(buyers, ticketed)
	return lat
}

// overDemand is how many buyers more than tickets a sale has (5%, at least one), so that
// the oversell check has something to refuse.
func overDemand(n int) int { return max(1, n/20) }

// ms converts a duration to milliseconds for a metric.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

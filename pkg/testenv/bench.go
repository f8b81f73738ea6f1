package testenv

import (
	"os"
	"strconv"
	"testing"
)

// EnvInt reads a positive integer setting of a benchmark or test, def when unset.
func EnvInt(tb testing.TB, name string, def int) int {
	tb.Helper()
	raw := os.Getenv(name)
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n <= 0 {
		tb.Fatalf("%s: not a positive integer: %q", name, raw)
	}
	return n
}

// ReportPgbenchRatio reports x_pgbench = perSecond ÷ TICKUP_BENCH_PGBENCH_TPS (the run's
// pgbench baseline, docs/performance.md) when that is set.
func ReportPgbenchRatio(b *testing.B, perSecond float64) {
	b.Helper()
	raw := os.Getenv("TICKUP_BENCH_PGBENCH_TPS")
	if raw == "" {
		return
	}
	tps, err := strconv.ParseFloat(raw, 64)
	if err != nil || tps <= 0 {
		b.Fatalf("TICKUP_BENCH_PGBENCH_TPS: not a positive number: %q", raw)
	}
	b.ReportMetric(perSecond/tps, "x_pgbench")
}

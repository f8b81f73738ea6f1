#!/usr/bin/env bash
# Tickup benchmark baseline (docs/performance.md): the machine's own PostgreSQL limit, measured in the
# same run as the Go benchmarks so that their results can be read as ratios.
#
# What it does: creates a scratch database on the PostgreSQL the tests use, runs pgbench's
# tpcb-like workload on it (`pgbench -i -s 10`, then `-c 8 -j 2 -T 20`), drops the database,
# and prints the transactions per second.
#
# Usage:
#   bench/baseline.sh                     # human-readable report on stderr, one line on stdout:
#                                         #   export TICKUP_BENCH_PGBENCH_TPS=1234.5
#   eval "$(bench/baseline.sh)"           # the same, exported into the current shell
#   make bench                            # runs this first, then the Go benchmarks with the TPS
#
# Server: TICKUP_TEST_DATABASE_URL (a superuser URL), else
# postgresql://postgres@127.0.0.1:5432/postgres — the same server the Go benchmarks use.
# Tuning (environment): PGBENCH_SCALE (10), PGBENCH_CLIENTS (8), PGBENCH_THREADS (2),
# PGBENCH_SECONDS (20).
#
# Reading the results: the Go benchmarks report x_pgbench = their throughput ÷ this TPS.
# docs/performance.md targets: BenchmarkHotPool x_pgbench ≥ 10; BenchmarkFlashSale x_pgbench ≥ 1 and
# p99_ms ≤ 250 (measured at half the flash-sale rate).
#
# Exit codes: 0 measured; 3 pgbench is not installed (how to install it is printed); other
# non-zero codes are failures of psql or pgbench.
set -euo pipefail

admin_url=${TICKUP_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres?sslmode=disable}
scale=${PGBENCH_SCALE:-10}
clients=${PGBENCH_CLIENTS:-8}
threads=${PGBENCH_THREADS:-2}
seconds=${PGBENCH_SECONDS:-20}

if ! command -v pgbench >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
  cat >&2 <<'EOF'
baseline: pgbench (and psql) are not installed. Install them with one of:
  Debian/Ubuntu:  sudo apt-get install postgresql-client    (or postgresql-contrib)
  Fedora/RHEL:    sudo dnf install postgresql-contrib
  macOS:          brew install libpq && brew link --force libpq
EOF
  exit 3
fi

# database_url replaces the database name in admin_url (keeping user, host and parameters).
database_url() {
  local name=$1 base query=""
  base=${admin_url%%\?*}
  [[ $admin_url == *\?* ]] && query="?${admin_url#*\?}"
  local authority=${base#*://}
  authority=${authority%%/*}
  printf '%s://%s/%s%s' "${base%%://*}" "$authority" "$name" "$query"
}

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" # no NOTICEs from pgbench -i
scratch="tickup_bench_pgbench_$$"
scratch_url=$(database_url "$scratch")
cleanup() { psql "$admin_url" -qAt -c "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true; }
trap cleanup EXIT

psql "$admin_url" -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE $scratch" >/dev/null
echo "baseline: pgbench -i -s $scale on database $scratch" >&2
pgbench -i -q -s "$scale" "$scratch_url" >&2
echo "baseline: pgbench tpcb-like -c $clients -j $threads -T $seconds" >&2
report=$(pgbench -c "$clients" -j "$threads" -T "$seconds" "$scratch_url" 2>/dev/null)
echo "$report" | sed 's/^/  /' >&2

tps=$(awk '/^tps = / { printf "%.1f", $3; exit }' <<<"$report")
if [ -z "$tps" ]; then
  echo "baseline: no 'tps = ' line in pgbench's report" >&2
  exit 1
fi
echo "baseline: pgbench TPS = $tps" >&2
echo "export TICKUP_BENCH_PGBENCH_TPS=$tps"

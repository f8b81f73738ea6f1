package loadgen

import (
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"time"
)

// Report is what a sale did.
type Report struct {
	PoolID      string
	Users       int
	Tickets     int            // buyers that got a ticket
	Outcomes    map[string]int // buyers by outcome: ticket, sold-out, failed, not-started, error
	Elapsed     time.Duration  // first purchase sent → last ticket answered
	PerSecond   float64        // tickets per second over Elapsed
	FirstTry    float64        // share of tickets answered on the first POST /tickets
	Stages      []Stage
	Oversold    int      // tickets beyond the pool size, or numbers used twice or out of range
	FirstErrors []string // a few of the errors, for the operator
}

// Stage is one step's latency, from the moment the purchase was sent.
type Stage struct {
	Name          string
	Count         int
	P50, P95, P99 time.Duration
}

func summarise(buyers []*buyer, elapsed time.Duration, opts Options) Report {
	r := Report{Users: len(buyers), Outcomes: map[string]int{}, Elapsed: elapsed}
	var first, last time.Time
	firstTry := 0
	for _, b := range buyers {
		r.Outcomes[b.outcome]++
		if b.err != nil && len(r.FirstErrors) < 5 {
			r.FirstErrors = append(r.FirstErrors, b.err.Error())
		}
		if !b.sent.IsZero() && (first.IsZero() || b.sent.Before(first)) {
			first = b.sent
		}
		if b.outcome == "ticket" {
			r.Tickets++
			if b.ticketed.After(last) {
				last = b.ticketed
			}
			if b.firstTry {
				firstTry++
			}
		}
	}
	if r.Tickets > 0 {
		r.Elapsed = last.Sub(first)
		r.PerSecond = float64(r.Tickets) / r.Elapsed.Seconds()
		r.FirstTry = float64(firstTry) / float64(r.Tickets)
	}
	r.Stages = stages(buyers, opts.Method == "card")
	return r
}

// stages measures, from POST /purchases: accepted (202), paid (card webhook answered),
// confirmed (first answer saying it is paid) and ticket (the ticket answered).
func stages(buyers []*buyer, card bool) []Stage {
	pick := map[string]func(*buyer) time.Time{
		"accepted": func(b *buyer) time.Time { return b.accepted }, "paid": func(b *buyer) time.Time { return b.paid },
		"confirmed": func(b *buyer) time.Time { return b.confirmed }, "ticket": func(b *buyer) time.Time { return b.ticketed },
	}
	names := []string{"accepted", "confirmed", "ticket"}
	if card {
		names = []string{"accepted", "paid", "confirmed", "ticket"}
	}
	out := make([]Stage, 0, len(names))
	for _, name := range names {
		var ds []time.Duration
		for _, b := range buyers {
			if at := pick[name](b); !at.IsZero() {
				ds = append(ds, at.Sub(b.sent))
			}
		}
		slices.Sort(ds)
		out = append(out, Stage{Name: name, Count: len(ds), P50: percentile(ds, 0.5), P95: percentile(ds, 0.95), P99: percentile(ds, 0.99)})
	}
	return out
}

// percentile is the p-th percentile (0 < p ≤ 1) of sorted durations, 0 for none.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(float64(len(sorted))*p)) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

// oversold counts what no sale may produce: more tickets than the pool holds (by the
// pool's own count or the buyers'), a number used twice, or a number out of range.
func (c *client) oversold(ctx context.Context, pool string, buyers []*buyer) (int, error) {
	var p struct {
		TicketsSold int `json:"tickets_sold"`
	}
	if _, err := c.call(ctx, http.MethodGet, "/pools/"+pool, c.adminTok, nil, &p); err != nil {
		return 0, fmt.Errorf("read the pool after the sale: %w", err)
	}
	bad, seen := max(0, p.TicketsSold-c.opts.PoolSize), map[int]bool{}
	got := 0
	for _, b := range buyers {
		if b.outcome != "ticket" {
			continue
		}
		got++
		if seen[b.ticketNum] || b.ticketNum < 1 || b.ticketNum > c.opts.PoolSize {
			bad++
		}
		seen[b.ticketNum] = true
	}
	return bad + max(0, got-c.opts.PoolSize), nil
}

// Print writes the report as a table.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "pool %s: %d buyers, %d tickets in %s = %.1f tickets/s; first-try tickets %.0f%%; oversold %d\n",
		r.PoolID, r.Users, r.Tickets, r.Elapsed.Round(time.Millisecond), r.PerSecond, 100*r.FirstTry, r.Oversold)
	fmt.Fprintf(w, "outcomes:")
	for _, k := range []string{"ticket", "sold-out", "failed", "not-started", "error"} {
		if n := r.Outcomes[k]; n > 0 {
			fmt.Fprintf(w, " %s=%d", k, n)
		}
	}
	fmt.Fprintf(w, "\n%-10s %7s %10s %10s %10s\n", "stage", "count", "p50", "p95", "p99")
	for _, s := range r.Stages {
		fmt.Fprintf(w, "%-10s %7d %10s %10s %10s\n", s.Name, s.Count, ms(s.P50), ms(s.P95), ms(s.P99))
	}
	for _, e := range r.FirstErrors {
		fmt.Fprintf(w, "error: %s\n", e)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }

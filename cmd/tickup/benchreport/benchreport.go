// Package benchreport turns the output of `go test -bench` (what `make bench` collects)
// into bench/results.json: one row per figure with its target and whether it is met,
// beside the run's own baselines (pgbench TPS, bare Gin req/s), and prints the same table.
package benchreport

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Row is one figure of a run.
type Row struct {
	Name     string   `json:"name"`
	Unit     string   `json:"unit"`
	Target   string   `json:"target"`         // e.g. ">= 10", "<= 250"; "" for a baseline
	Measured *float64 `json:"measured"`       // null: the benchmark did not run or report it
	Met      *bool    `json:"met"`            // null for baselines and figures not measured
	Source   string   `json:"source"`         // the benchmark and metric it comes from
	Note     string   `json:"note,omitempty"` // what the target means
}

// Results is bench/results.json.
type Results struct {
	PgbenchTPS  *float64 `json:"pgbench_tps"`
	BareGinReqS *float64 `json:"bare_gin_req_s"`
	Rows        []Row    `json:"rows"`
}

// figure names a benchmark metric and its target.
type figure struct {
	name, bench, metric, unit, op string
	target                        float64
	note                          string
}

// figures are the targets of docs/performance.md; a baseline has no op.
func figures() []figure {
	return []figure{
		{name: "pgbench tpcb-like", bench: "", metric: "", unit: "TPS"},
		{name: "bare Gin handler", bench: "BareGin", metric: "req/s", unit: "req/s"},
		{name: "hot pool", bench: "HotPool", metric: "tickets/s", unit: "tickets/s"},
		{name: "hot pool ÷ pgbench", bench: "HotPool", metric: "x_pgbench", unit: "×", op: ">=", target: 10,
			note: "100,000 queued confirmed purchases issued as tickets"},
		{name: "flash sale", bench: "FlashSale", metric: "purchases/s", unit: "purchases/s"},
		{name: "flash sale ÷ pgbench", bench: "FlashSale", metric: "x_pgbench", unit: "×", op: ">=", target: 1,
			note: "2,000 wallet-paid purchases over HTTP"},
		{name: "flash sale p99 POST → ticket at half rate", bench: "FlashSale", metric: "p99_ms", unit: "ms", op: "<=", target: 250},
	}
}

var benchLine = regexp.MustCompile(`^Benchmark([A-Za-z0-9_]+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// Parse reads `go test -bench` output: every metric of every benchmark line, keyed
// "Bench metric" (the last run of a benchmark wins).
func Parse(r io.Reader) (map[string]float64, error) {
	out := map[string]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		fields := strings.Fields(m[2])
		for i := 0; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				break
			}
			out[m[1]+" "+fields[i+1]] = v
		}
	}
	return out, sc.Err()
}

// Build makes the results of one run from its metrics and pgbench TPS (nil: not measured).
func Build(metrics map[string]float64, pgbench *float64) Results {
	res := Results{PgbenchTPS: pgbench}
	for _, f := range figures() {
		row := Row{Name: f.name, Unit: f.unit, Source: strings.TrimSpace("Benchmark" + f.bench + " " + f.metric), Note: f.note}
		if f.bench == "" {
			row.Source, row.Measured = "bench/baseline.sh", pgbench
		} else if v, ok := metrics[f.bench+" "+f.metric]; ok {
			row.Measured = &v
		}
		if f.op != "" {
			row.Target = fmt.Sprintf("%s %g", f.op, f.target)
			if row.Measured != nil {
				met := (f.op == ">=" && *row.Measured >= f.target) || (f.op == "<=" && *row.Measured <= f.target)
				row.Met = &met
			}
		}
		if f.bench == "BareGin" {
			res.BareGinReqS = row.Measured
		}
		res.Rows = append(res.Rows, row)
	}
	return res
}

// WriteJSON writes the results as indented JSON.
func (r Results) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// Print writes the results as a table.
func (r Results) Print(w io.Writer) {
	fmt.Fprintf(w, "%-42s %14s %-12s %-8s %s\n", "figure", "measured", "unit", "target", "met")
	for _, row := range r.Rows {
		measured, met := "-", ""
		if row.Measured != nil {
			measured = strconv.FormatFloat(*row.Measured, 'f', 2, 64)
		}
		if row.Met != nil {
			met = map[bool]string{true: "yes", false: "NO"}[*row.Met]
		}
		fmt.Fprintf(w, "%-42s %14s %-12s %-8s %s\n", row.Name, measured, row.Unit, row.Target, met)
	}
}

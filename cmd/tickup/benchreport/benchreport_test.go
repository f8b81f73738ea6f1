package benchreport

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkBareGin-2      	  200000	      5000 ns/op	     41000 req/s
BenchmarkHotPool-2      	       1	2100000000 ns/op	      4150 tickets/s	         2.10 x_pgbench
BenchmarkFlashSale      	       1	9000000000 ns/op	       180.0 purchases/s	       464.0 p99_ms	         0.09 x_pgbench
PASS`

func TestBuildJudgesEachTargetFromTheRun(t *testing.T) {
	metrics, err := Parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	tps := 1983.0
	res := Build(metrics, &tps)
	byName := map[string]Row{}
	for _, r := range res.Rows {
		byName[r.Name] = r
	}
	if r := byName["hot pool ÷ pgbench"]; r.Measured == nil || *r.Measured != 2.1 || r.Met == nil || *r.Met || r.Target != ">= 10" {
		t.Fatalf("hot pool row %+v", r)
	}
	if r := byName["flash sale p99 POST → ticket at half rate"]; r.Measured == nil || *r.Measured != 464 || *r.Met {
		t.Fatalf("p99 row %+v", r)
	}
	if res.BareGinReqS == nil || *res.BareGinReqS != 41000 || *res.PgbenchTPS != 1983 {
		t.Fatalf("baselines %v %v", res.BareGinReqS, res.PgbenchTPS)
	}
	var buf bytes.Buffer
	if err := res.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back Results
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || len(back.Rows) != len(res.Rows) {
		t.Fatalf("results.json does not read back: %v", err)
	}
}

func TestAFigureThatDidNotRunIsNotMet(t *testing.T) {
	res := Build(map[string]float64{}, nil)
	for _, r := range res.Rows {
		if r.Measured != nil || r.Met != nil {
			t.Errorf("%s: measured %v met %v with no benchmark run", r.Name, r.Measured, r.Met)
		}
	}
	var out bytes.Buffer
	res.Print(&out)
	if !strings.Contains(out.String(), "hot pool ÷ pgbench") {
		t.Errorf("table %q", out.String())
	}
}

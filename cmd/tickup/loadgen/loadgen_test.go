package loadgen

import (
	"strings"
	"testing"
	"time"
)

func TestOptionsRefuseUnboundedOrUnclearSales(t *testing.T) {
	ok := Options{API: "http://x", Users: 10, PoolSize: 5, Concurrency: 2, Duration: time.Second, PriceCents: 1, Method: "wallet"}
	if err := ok.check(); err != nil {
		t.Fatalf("valid options refused: %v", err)
	}
	bad := ok
	bad.API, bad.Users, bad.Duration, bad.Method = "", 0, 0, "cash"
	err := bad.check()
	for _, want := range []string{"--api", "--users", "--duration", "--method"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not name %s", err, want)
		}
	}
}

func TestSummaryCountsOutcomesStagesAndFirstTries(t *testing.T) {
	t0 := time.Now()
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	buyers := []*buyer{
		{sent: at(0), accepted: at(10), confirmed: at(40), ticketed: at(40), firstTry: true, outcome: "ticket", ticketNum: 1},
		{sent: at(5), accepted: at(20), confirmed: at(60), ticketed: at(105), outcome: "ticket", ticketNum: 2},
		{sent: at(6), outcome: "sold-out"},
		{outcome: "not-started"},
	}
	r := summarise(buyers, time.Second, Options{Method: "wallet"})
	if r.Tickets != 2 || r.Outcomes["sold-out"] != 1 || r.Outcomes["not-started"] != 1 || r.Elapsed != 105*time.Millisecond {
		t.Fatalf("report %+v", r)
	}
	if r.FirstTry != 0.5 || int(r.PerSecond) != 19 {
		t.Fatalf("first try %v, per second %v: want 0.5 and 2/0.105s", r.FirstTry, r.PerSecond)
	}
	ticket := r.Stages[2]
	if ticket.Name != "ticket" || ticket.Count != 2 || ticket.P50 != 40*time.Millisecond || ticket.P99 != 100*time.Millisecond {
		t.Fatalf("ticket stage %+v", ticket)
	}
	var out strings.Builder
	r.Print(&out)
	if !strings.Contains(out.String(), "ticket=2 sold-out=1 not-started=1") {
		t.Errorf("printed %q", out.String())
	}
}

package e2e

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/nats-io/nats.go/jetstream"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"tickup.dev/deploy/grafana"
	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// sellOut has one funded buyer buy the single ticket of a new pool by wallet and waits
// until the pool is drawn: every stage of the saga and the draw ran once.
func (r *raffle) sellOut(t *testing.T) (Pool, Purchase) {
	t.Helper()
	pool := r.createPool(t, 1, nil)
	buyer, tok := newUser(t, roleUser)
	r.fund(t, buyer, rafflePrice)
	p := r.buy(t, tok, map[string]any{"pool_id": pool.PoolID, "payment_method": "wallet"})
	r.waitTicket(t, tok, pool.PoolID, p.PurchaseID)
	return r.waitPoolState(t, pool.PoolID, "DRAWN"), p
}

// TestDashboardMetricsAreExportedAfterASale scrapes every process after a sale and checks
// each metric deploy/grafana/tickup.json queries: it exists, and a counter or histogram
// has counted something (gauges of backlogs read 0 on a system at rest, as they should).
func TestDashboardMetricsAreExportedAfterASale(t *testing.T) {
	r := startRaffle(t, 1)
	r.sellOut(t)
	want, err := grafana.Metrics(grafana.Dashboard)
	if err != nil {
		t.Fatal(err)
	}
	families := map[string]*dto.MetricFamily{}
	for _, base := range append([]string{r.base}, r.health...) {
		for name, f := range scrapeFamilies(t, base+"/metrics") {
			if old, ok := families[name]; ok {
				f.Metric = append(f.Metric, old.Metric...)
			}
			families[name] = f
		}
	}
	for _, name := range want {
		f, ok := families[name]
		if !ok {
			t.Errorf("the dashboard queries %s, which no process exports", name)
			continue
		}
		if counted(f) == 0 && f.GetType() != dto.MetricType_GAUGE {
			t.Errorf("%s exported but never counted anything after a sale", name)
		}
	}
}

func scrapeFamilies(t *testing.T, url string) map[string]*dto.MetricFamily {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("scrape %s: %v", url, err)
	}
	defer resp.Body.Close()
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		t.Fatalf("parse %s: %v", url, err)
	}
	return fams
}

// counted is what a family counted: the sum of its counters and histogram sample counts.
func counted(f *dto.MetricFamily) float64 {
	var n float64
	for _, m := range f.Metric {
		switch {
		case m.Counter != nil:
			n += m.Counter.GetValue()
		case m.Histogram != nil:
			n += float64(m.Histogram.GetSampleCount())
		case m.Gauge != nil:
			n += m.Gauge.GetValue()
		}
	}
	return n
}

// TestTheRunningSystemUsesTheContractsDurables lists the durable consumers JetStream holds
// once every service runs: exactly the ones pkg/contract names (which deployments scale on).
func TestTheRunningSystemUsesTheContractsDurables(t *testing.T) {
	r := startRaffle(t, 1)
	conn, err := bus.Connect(context.Background(), r.nats, "durables-test", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var got, want []string
	for _, ds := range events.Durables() {
		for _, d := range ds {
			want = append(want, d.Stream+"/"+d.Name)
		}
	}
	for _, stream := range []string{events.StreamAPI, events.StreamTicketing, events.StreamWallet, events.StreamDraw} {
		s, err := conn.JS.Stream(context.Background(), stream)
		if err != nil {
			t.Fatal(err)
		}
		lister := s.ListConsumers(context.Background())
		for info := range lister.Info() {
			if isDurable(info) {
				got = append(got, stream+"/"+info.Name)
			}
		}
		if err := lister.Err(); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("durables in JetStream:\n%v\nin the contract:\n%v", got, want)
	}
}

// isDurable tells a service's consumer from a gateway's live (SSE) stream, which is ephemeral.
func isDurable(info *jetstream.ConsumerInfo) bool { return info.Config.Durable != "" }

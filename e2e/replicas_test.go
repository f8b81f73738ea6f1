package e2e

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"tickup.dev/cmd/tickup/loadgen"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/api"
)

// sharePurchases is how many purchases the two processes of each worker share, in
// sharePools pools sold at the same time (so draw, which handles one event per pool, has
// several to share).
const (
	sharePurchases = 2000
	sharePools     = 10
)

// TestTwoProcessesOfEachWorkerShareTwoThousandPurchases runs ticketing, wallet and draw as
// two OS processes each (`tickup serve`) behind one gateway, sells a pool of 2,000 tickets
// to 2,000 wallet buyers with `tickup load`'s generator, and checks that both processes of
// every worker did part of the work and that every purchase was handled exactly once.
func TestTwoProcessesOfEachWorkerShareTwoThousandPurchases(t *testing.T) {
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	const secret, whsec = "replicas-test-secret-0123456789abcdef", "whsec_cmVwbGljYXMtdGVzdA=="
	env := []string{"DATABASE_URL=" + testenv.FreshDatabase(t), "NATS_URL=" + testenv.NATSURL(t), "TICKUP_ENV=test",
		"SUPABASE_JWT=" + secret, "TICKUP_WEBHOOK_GENERIC_SECRETS=" + whsec, "HOME=" + t.TempDir(),
		"XDG_CONFIG_HOME=" + t.TempDir(), "TICKUP_DATA_DIR=" + t.TempDir(),
		"TICKUP_RATE_LIMIT_WRITES_PER_MINUTE=0", "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE=0",
		"TICKUP_RATE_LIMIT_READS_PER_MINUTE=0", "TICKUP_RATE_LIMIT_IP_READS_PER_MINUTE=0"}
	if code, err := testenv.StartProcess(t, "tickup migrate", bin, []string{"migrate"}, env...).Wait(2 * time.Minute); err != nil || code != 0 {
		t.Fatalf("tickup migrate: exit %d, %v", code, err)
	}
	apiPort := testenv.FreePort(t)
	start := func(service string, port int) string {
		name := fmt.Sprintf("tickup serve %s :%d", service, port)
		testenv.StartProcess(t, name, bin, []string{"serve", service}, append(env, fmt.Sprintf("TICKUP_HTTP_PORT=%d", apiPort),
			fmt.Sprintf("TICKUP_%s_HEALTH_PORT=%d", strings.ToUpper(service), port))...)
		base := fmt.Sprintf("http://127.0.0.1:%d", port)
		testenv.WaitFor(t, time.Minute, name+" ready", func() error { return readyAt(base) })
		return base
	}
	gateway := start("api", apiPort)
	workers := map[string][]string{}
	for _, service := range []string{"ticketing", "wallet", "draw"} {
		for range 2 {
			workers[service] = append(workers[service], start(service, testenv.FreePort(t)))
		}
	}
	opts := loadgen.Options{API: gateway, Users: sharePurchases / sharePools, PoolSize: sharePurchases / sharePools,
		Concurrency: 4, Duration: 10 * time.Minute, PriceCents: rafflePrice, Method: "wallet",
		Token: func(userID string, admin bool) (string, error) {
			role := api.TokenRoleUser
			if admin {
				role = api.TokenRoleAdmin
			}
			return api.MintToken(secret, userID, userID[:8]+"@example.com", role, time.Hour)
		},
		Webhook: func(kind, id string, amount int64) (http.Header, []byte, error) {
			d, err := genericDelivery("evt_"+id, "payment.succeeded", map[string]any{kind: id, "amount_cents": amount,
				"provider_txn_id": "txn_" + id, "currency": "EUR"}, whsec, time.Now())
			return d.header, d.body, err
		}}
	var wg sync.WaitGroup
	reports := make([]loadgen.Report, sharePools)
	errs := make([]error, sharePools)
	for i := range sharePools {
		wg.Go(func() { reports[i], errs[i] = loadgen.Flash(context.Background(), opts) })
	}
	wg.Wait()
	for i, rep := range reports {
		if errs[i] != nil || rep.Tickets != opts.PoolSize || rep.Oversold != 0 {
			t.Fatalf("pool %d: %d tickets, oversold %d, outcomes %v, errors %v (%v): want every buyer its one ticket",
				i, rep.Tickets, rep.Oversold, rep.Outcomes, rep.FirstErrors, errs[i])
		}
	}
	for service, bases := range workers {
		for _, base := range bases {
			if n := handledEvents(t, base); n == 0 {
				t.Errorf("the %s process at %s handled no event: the other did all the work", service, base)
			} else {
				t.Logf("%s at %s handled %.0f events", service, base, n)
			}
		}
	}
	audit := testenv.StartProcess(t, "tickup audit", bin, []string{"audit", "--grace", "0"}, env...)
	testenv.WaitFor(t, 2*time.Minute, "a clean audit (every purchase paid and ticketed once)", func() error {
		if code, err := audit.Wait(time.Minute); err != nil || code != 0 {
			audit = testenv.StartProcess(t, "tickup audit", bin, []string{"audit", "--grace", "0"}, env...)
			return fmt.Errorf("audit exit %d (%v)", code, err)
		}
		return nil
	})
}

// handledEvents is what a process's routers committed: tickup_consumer_events_total{outcome="ok"}.
func handledEvents(t *testing.T, base string) float64 {
	t.Helper()
	f, ok := scrapeFamilies(t, base+"/metrics")["tickup_consumer_events_total"]
	if !ok {
		return 0
	}
	var n float64
	for _, m := range f.Metric {
		if label(m, "outcome") == "ok" {
			n += m.Counter.GetValue()
		}
	}
	return n
}

func label(m *dto.Metric, name string) string {
	for _, l := range m.Label {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}

func readyAt(base string) error {
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%d", resp.StatusCode)
	}
	return nil
}

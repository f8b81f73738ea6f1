package service_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/natsserver"
	"tickup.dev/pkg/outbox"
	"tickup.dev/pkg/service"
	"tickup.dev/pkg/testenv"
)

// TestRuntimeExportsTheOperatorMetrics runs one event through a service's outbox and one of
// its routers and reads the operator metrics every service exports from /metrics.
func TestRuntimeExportsTheOperatorMetrics(t *testing.T) {
	admin := testenv.Database(t)
	dsn := testenv.ServiceDSN(t, admin, "metered")
	ns, err := natsserver.Start(t.TempDir(), -1)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { ns.Shutdown(); ns.WaitForShutdown() }()
	cfg := testenv.Config(t, dsn, ns.ClientURL())
	cfg.HealthPorts["metered"] = testenv.FreePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rt, err := service.Start(ctx, cfg, service.Spec{Name: "metered"})
	if err != nil {
		t.Fatal(err)
	}
	handled := make(chan string, 1)
	r := bus.NewRouter(bus.ConsumerSpec{Durable: "metered-api", MaxWait: 100 * time.Millisecond},
		inbox.Transactor(rt.DB, func(tx *gorm.DB) *gorm.DB { return tx }))
	bus.On(r, func(_ context.Context, _ *gorm.DB, e events.PurchaseCreated) error {
		handled <- e.PurchaseID
		return nil
	})
	if err := rt.Route(ctx, r); err != nil {
		t.Fatal(rt.Abort(err))
	}
	if err := rt.QueryMetric(false, "tickup_sample_things", "Things.", `SELECT 42`); err != nil {
		t.Fatal(rt.Abort(err))
	}
	if err := rt.ServeHealth(); err != nil {
		t.Fatal(rt.Abort(err))
	}
	done := make(chan error, 1)
	go func() { done <- rt.Run(ctx) }()
	defer func() { cancel(); <-done }()

	err = rt.DB.Transaction(func(tx *gorm.DB) error {
		return outbox.Add(ctx, tx, "p1", events.PurchaseCreated{SchemaVersion: 1, PurchaseID: "p1"})
	})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-handled:
	case <-time.After(15 * time.Second):
		t.Fatal("the event never reached the router")
	}
	url := fmt.Sprintf("http://127.0.0.1:%d/metrics", cfg.HealthPorts["metered"])
	want := []string{
		`tickup_events_published_total{type="tickup.api.purchase.created"} 1`,
		`tickup_consumer_events_total{consumer="metered-api",outcome="ok",type="tickup.api.purchase.created"} 1`,
		`tickup_consumer_batch_seconds_count{consumer="metered-api"} 1`,
		`tickup_outbox_backlog 0`, `tickup_outbox_oldest_age_seconds 0`,
		`tickup_consumer_pending{consumer="metered-api"} 0`, `tickup_consumer_ack_pending{consumer="metered-api"}`,
		`tickup_dlq_messages{consumer="metered-api"} 0`, `tickup_sample_things 42`,
	}
	testenv.WaitFor(t, 10*time.Second, "the operator metrics", func() error {
		body, err := scrape(url)
		if err != nil {
			return err
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				return fmt.Errorf("no %q in /metrics", w)
			}
		}
		return nil
	})
}

func scrape(url string) (string, error) {
	resp, err := http.Get(url) //nolint:noctx // a test's scrape
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

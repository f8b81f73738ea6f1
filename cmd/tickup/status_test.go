package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"sync/atomic"
	"testing"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/health"
	"tickup.dev/pkg/testenv"
)

// TestStatusShowsReadinessLagBacklogAndDeadLetters runs `tickup status` against the pieces
// of a system: a migrated database with one unpublished outbox row an hour old, a NATS server
// with a consumer two messages behind and one dead letter, and the services' health
// endpoints, draw's failing its NATS check until it recovers.
func TestStatusShowsReadinessLagBacklogAndDeadLetters(t *testing.T) {
	admin := testenv.FreshDatabase(t)
	natsURL := testenv.NATSURL(t)
	var drawDown atomic.Bool
	drawDown.Store(true)
	env := []string{"DATABASE_URL=" + admin, "NATS_URL=" + natsURL}
	for name, port := range map[string]string{"api": "BACKEND_PORT", "ticketing": "TICKUP_TICKETING_HEALTH_PORT",
		"wallet": "TICKUP_WALLET_HEALTH_PORT", "draw": "TICKUP_DRAW_HEALTH_PORT"} {
		check := health.Check{Name: "nats", Fn: func(context.Context) error {
			if name == "draw" && drawDown.Load() {
				return errors.New("connection is CLOSED")
			}
			return nil
		}}
		env = append(env, fmt.Sprintf("%s=%d", port, serveHealth(t, check)))
	}
	run := cliRunner(t, env...)
	if code, out := run("migrate"); code != 0 {
		t.Fatalf("migrate: exit %d\n%s", code, out)
	}
	plantOutboxRow(t, admin)
	plantLagAndDeadLetter(t, natsURL)

	code, out := run("status")
	for _, want := range []string{
		`api\s+ready\s+http://127\.0\.0\.1:\d+/readyz`,
		`draw\s+NOT READY: 503 Service Unavailable: nats: connection is CLOSED`,
		`ticketing-purchases\s+API\s+2\s+0\s+0\s+1\n`,
		`DLQ\s+1 dead letter\(s\)`,
		`wallet\s+1\s+1h0m`,
		`api\s+0\s+-\n`,
	} {
		if code != 1 || !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("status with draw down: exit %d, want 1 and /%s/ in\n%s", code, want, out)
		}
	}
	drawDown.Store(false)
	if code, out := run("status"); code != 0 || !regexp.MustCompile(`draw\s+ready`).MatchString(out) {
		t.Errorf("status with every service ready: exit %d, want 0\n%s", code, out)
	}
}

// serveHealth serves the health endpoints with check on a free port until the test ends.
func serveHealth(t *testing.T, check health.Check) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: health.Handler(check)}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return l.Addr().(*net.TCPAddr).Port
}

func plantOutboxRow(t *testing.T, admin string) {
	sqlDB, err := db.OpenSQL(context.Background(), admin)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	if _, err := sqlDB.Exec(`INSERT INTO wallet.outbox (event_id, aggregate_id, subject, event_type, payload, created_at)
		VALUES (gen_random_uuid(), 'w-1', 'tickup.wallet.x', 'tickup.wallet.x', '\x7b7d', now() - interval '1 hour')`); err != nil {
		t.Fatal(err)
	}
}

func plantLagAndDeadLetter(t *testing.T, natsURL string) {
	ctx := context.Background()
	conn, err := bus.Connect(ctx, natsURL, t.Name(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.EnsureStreams(ctx, events.Streams()...); err != nil {
		t.Fatal(err)
	}
	err = conn.EnsureConsumer(ctx, bus.ConsumerSpec{Stream: events.StreamAPI, Durable: "ticketing-purchases",
		FilterSubjects: events.Filters(events.TypePurchaseCreated)})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"p-1", "p-2"} {
		if err := conn.Publish(ctx, bus.Message{ID: id, Subject: events.TypePurchaseCreated.Subject(""),
			Type: events.TypePurchaseCreated.String(), Data: []byte(`{}`)}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.JS.Publish(ctx, events.DLQSubject(events.StreamAPI, "ticketing-purchases"), []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
}

func TestReadyURLNamesEachServicesHost(t *testing.T) {
	for _, tc := range []struct{ host, want string }{
		{"127.0.0.1", "http://127.0.0.1:8101/readyz"},
		{"{service}", "http://ticketing:8101/readyz"},
		{"{service}.tickup.svc", "http://ticketing.tickup.svc:8101/readyz"},
		{"::1", "http://[::1]:8101/readyz"},
	} {
		if got := readyURL(tc.host, "ticketing", 8101); got != tc.want {
			t.Errorf("readyURL(%q) = %q, want %q", tc.host, got, tc.want)
		}
	}
}

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/api"
	"tickup.dev/services/draw/draw"
	"tickup.dev/services/ticketing/ticketing"
	"tickup.dev/services/wallet/wallet"
)

// Webhook secrets of the raffle gateways: Stripe's is a raw key, the generic one a
// Standard Webhooks whsec_ secret (base64 of "raffle-generic-key").
const (
	raffleStripeSecret  = "whsec_raffle_stripe_test"
	raffleGenericSecret = "whsec_cmFmZmxlLWdlbmVyaWMta2V5"
)

// raffleWait bounds how long a saga may take to settle in these tests.
const raffleWait = 60 * time.Second

// raffle is a whole Tickup for one test: gateways (the first from startGateway) and the
// real draw, ticketing (two replicas) and wallet (two replicas) services on one test
// database, each service on its own role, and one embedded NATS server.
type raffle struct {
	*gateway
	gateways []*gateway // every gateway replica, the first included
	admin    string     // admin URL of the shared database
	adminDB  *gorm.DB   // superuser connection for audits
	wallet   *walletrpc.Client
	adminID  string
	adminTok string
	svcTok   string // a service_role token
	client   *http.Client
	health   []string // every backend replica's health base URL (/readyz, /metrics)
}

// startRaffle starts everything and, when the test ends, waits for its money to settle and
// runs `tickup audit` on it (raffle_audit_test.go).
func startRaffle(t *testing.T, gatewayReplicas int) *raffle {
	t.Helper()
	return startRaffleWith(t, gatewayReplicas)
}

// startRaffleWith is startRaffle with extra settings ("KEY=value") for the draw service.
func startRaffleWith(t *testing.T, gatewayReplicas int, drawEnv ...string) *raffle {
	t.Helper()
	g := startGateway(t, raffleSetup)
	r := &raffle{gateway: g, gateways: []*gateway{g}, client: newRaffleClient()}
	var name string
	if err := g.db.Raw(`SELECT current_database()`).Scan(&name).Error; err != nil {
		t.Fatalf("database name: %v", err)
	}
	var err error
	if r.admin, err = db.WithDatabase(testenv.AdminURL(t), name); err != nil {
		t.Fatal(err)
	}
	r.adminDB = testenv.Open(t, r.admin)
	t.Cleanup(func() { r.audit(t) })
	r.runService(t, draw.Name, draw.Run, drawEnv...)
	for range 2 {
		r.runService(t, ticketing.Name, ticketing.Run)
		r.runService(t, wallet.Name, wallet.Run)
	}
	for range gatewayReplicas - 1 {
		r.gateways = append(r.gateways, r.startReplica(t))
	}
	conn, err := bus.Connect(context.Background(), g.nats, "raffle-test", nil)
	if err != nil {
		t.Fatalf("connect bus: %v", err)
	}
	t.Cleanup(conn.Close)
	r.wallet = walletrpc.NewClient(conn.NC)
	r.adminID, r.adminTok = newUser(t, roleAdmin)
	_, r.svcTok = newUser(t, roleService)
	t.Cleanup(func() { r.awaitMoneySettled(t) }) // runs before the services stop
	return r
}

// raffleSetup configures the gateways: webhook secrets, and no request limits (the load
// and the polling come from one IP).
func raffleSetup(s *setup) {
	s.env = append(s.env, "TICKUP_RATE_LIMIT_WRITES_PER_MINUTE=0", "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE=0",
		"TICKUP_WEBHOOK_STRIPE_SECRETS="+raffleStripeSecret,
		"TICKUP_WEBHOOK_GENERIC_SECRETS="+raffleGenericSecret)
	s.env = append(s.env, unlimitedReads...)
}

// unlimitedReads lifts the GET and stream limits, for tests whose load comes from one IP.
var unlimitedReads = []string{"TICKUP_RATE_LIMIT_READS_PER_MINUTE=0", "TICKUP_RATE_LIMIT_IP_READS_PER_MINUTE=0",
	"TICKUP_SSE_STREAMS_PER_USER=0", "TICKUP_SSE_STREAMS_PER_IP=0"}

// runService runs one replica of a backend service on its own role until the test ends.
func (r *raffle) runService(t *testing.T, name string, run func(context.Context, config.Config) error, env ...string) {
	t.Helper()
	cfg := testenv.Config(t, testenv.ServiceDSN(t, r.admin, name), r.nats, env...)
	done := runUntilCleanup(t, name, func(ctx context.Context) error { return run(ctx, cfg) })
	base := fmt.Sprintf("http://127.0.0.1:%d", cfg.HealthPorts[name])
	waitHTTPReady(t, name, base+"/readyz", done)
	r.health = append(r.health, base)
}

// startReplica runs one more gateway on the first one's database and NATS.
func (r *raffle) startReplica(t *testing.T) *gateway {
	t.Helper()
	s := setup{env: slices.Clone(testGatewayEnv)}
	raffleSetup(&s)
	s.opts.Log = gatewayLogger(t, r.logs)
	dsn := testenv.ServiceDSN(t, r.admin, api.Name)
	cfg := testenv.Config(t, dsn, r.nats, append([]string{"SUPABASE_JWT=" + testSecret}, s.env...)...)
	g := &gateway{base: fmt.Sprintf("http://127.0.0.1:%d", cfg.HTTPPort), nats: r.nats, db: r.db, logs: r.logs, spec: r.spec}
	done := runUntilCleanup(t, "gateway replica", func(ctx context.Context) error { return api.RunWith(ctx, cfg, s.opts) })
	waitHTTPReady(t, "gateway replica", g.base+"/readyz", done)
	return g
}

// runUntilCleanup runs fn in a goroutine and, when the test ends, cancels it and checks
// that it returned cleanly. The channel reports an early return.
func runUntilCleanup(t *testing.T, name string, fn func(context.Context) error) <-chan error {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		case <-time.After(raffleWait):
			t.Errorf("%s still running %s after cancel", name, raffleWait)
		}
	})
	return done
}

// waitHTTPReady polls a readiness URL, failing fast if the service stopped.
func waitHTTPReady(t *testing.T, name, url string, done <-chan error) {
	t.Helper()
	testenv.WaitFor(t, raffleWait, name+" ready", func() error {
		select {
		case err := <-done:
			t.Fatalf("%s stopped while starting: %v", name, err)
		default:
		}
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("%s answered %s", url, resp.Status)
		}
		return nil
	})
}

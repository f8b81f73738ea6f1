package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/api"
	"tickup.dev/services/draw/draw"
	"tickup.dev/services/ticketing/ticketing"
	"tickup.dev/services/wallet/wallet"
)

// benchRaffle is the raffle harness for benchmarks (raffle's helpers take a *testing.T): one
// gateway with no write limits, draw, two ticketing and two wallet replicas, each on its own
// role of one fresh database, and one embedded NATS server. No OpenAPI validation of answers:
// it would cost the gateway's CPU its share of the measurement.
type benchRaffle struct {
	tb       testing.TB
	base     string // the gateway's http://127.0.0.1:port
	nats     string
	admin    string   // admin URL of the database
	adminDB  *gorm.DB // superuser connection for checks and audits
	wallet   *walletrpc.Client
	adminID  string
	adminTok string
	client   *http.Client
}

// startBenchRaffle starts everything and waits until every part is ready.
func startBenchRaffle(tb testing.TB) *benchRaffle {
	tb.Helper()
	r := &benchRaffle{tb: tb, admin: testenv.FreshDatabase(tb), nats: testenv.NATSURL(tb), client: newRaffleClient()}
	r.adminDB = testenv.Open(tb, r.admin)
	cfg := testenv.Config(tb, testenv.ServiceDSN(tb, r.admin, api.Name), r.nats, slices.Concat(unlimitedReads, testGatewayEnv, []string{"SUPABASE_JWT=" + testSecret})...)
	r.base = fmt.Sprintf("http://127.0.0.1:%d", cfg.HTTPPort)
	// testGatewayEnv: no write limits, all the load comes from one IP
	r.run("gateway", r.base+"/readyz", func(ctx context.Context) error { return api.Run(ctx, cfg) })
	r.runService(draw.Name, draw.Run)
	for range 2 {
		r.runService(ticketing.Name, ticketing.Run)
		r.runService(wallet.Name, wallet.Run)
	}
	conn, err := bus.Connect(context.Background(), r.nats, "bench", nil)
	if err != nil {
		tb.Fatalf("connect bus: %v", err)
	}
	tb.Cleanup(conn.Close)
	r.wallet = walletrpc.NewClient(conn.NC)
	r.adminID = uuid.NewString()
	r.adminTok = r.token(roleAdmin, r.adminID)
	return r
}

// runService runs one replica of a backend service on its own role.
func (r *benchRaffle) runService(name string, run func(context.Context, config.Config) error) {
	cfg := testenv.Config(r.tb, testenv.ServiceDSN(r.tb, r.admin, name), r.nats)
	url := fmt.Sprintf("http://127.0.0.1:%d/readyz", cfg.HealthPorts[name])
	r.run(name, url, func(ctx context.Context) error { return run(ctx, cfg) })
}

// run runs fn until the benchmark ends (then checks it returned cleanly) and waits until
// readyURL answers 200.
func (r *benchRaffle) run(name, readyURL string, fn func(context.Context) error) {
	r.tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	r.tb.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				r.tb.Errorf("%s: %v", name, err)
			}
		case <-time.After(raffleWait):
			r.tb.Errorf("%s still running %s after cancel", name, raffleWait)
		}
	})
	testenv.WaitFor(r.tb, raffleWait, name+" ready", func() error {
		select {
		case err := <-done:
			r.tb.Fatalf("%s stopped while starting: %v", name, err)
		default:
		}
		_, err := r.send(http.MethodGet, readyURL, "", nil, nil, http.StatusOK)
		return err
	})
}

// token mints a bearer token of role for userID.
func (r *benchRaffle) token(role, userID string) string {
	return token(r.tb, role, userID)
}

// send sends a request (url: absolute, or a path under the gateway), fails unless the
// status is one of want, and decodes a 2xx answer into out (when not nil). It never fails the
// benchmark itself, so goroutines may use it.
func (r *benchRaffle) send(method, url, tok string, body, out any, want ...int) (int, error) {
	if url[0] == '/' {
		url = r.base + url
	}
	req, err := newJSONRequest(method, url, tok, body)
	if err != nil {
		return 0, err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", method, url, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err == nil && !slices.Contains(want, resp.StatusCode) {
		err = fmt.Errorf("answered %d, want %v: %s", resp.StatusCode, want, data)
	}
	if err == nil && out != nil && resp.StatusCode < 300 {
		err = json.Unmarshal(data, out)
	}
	if err != nil {
		return resp.StatusCode, fmt.Errorf("%s %s: %w", method, url, err)
	}
	return resp.StatusCode, nil
}

// newJSONRequest builds a request with a JSON body (nil: none) and a bearer token (if any).
func newJSONRequest(method, url, tok string, body any) (*http.Request, error) {
	var reader io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", method, url, err)
		}
		reader = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, url, reader)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, url, err)
	}
	req.Header.Set("Content-Type", "application/json")
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	return req, nil
}

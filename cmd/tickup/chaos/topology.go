package chaos

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/natsserver"
	"tickup.dev/pkg/pgcluster"
)

// services are the four services, each run as Replicas processes.
var services = []string{"api", "ticketing", "wallet", "draw"}

// topology is everything a run starts, all on loopback: a private PostgreSQL, a 3-node
// NATS cluster and two processes of every service.
type topology struct {
	dir, bin  string
	pg        *pgcluster.Cluster
	nats      []*proc
	natsURL   string
	svc       map[string][]*proc
	apiURLs   []string
	jwtSecret string
	whSecret  string // generic provider's whsec_ secret
	log       func(string, ...any)
}

func startTopology(ctx context.Context, opts Options) (*topology, error) {
	t := &topology{dir: opts.Dir, bin: opts.Binary, svc: map[string][]*proc{}, log: opts.logf,
		jwtSecret: rand.Text() + rand.Text(), whSecret: "whsec_" + base64.StdEncoding.EncodeToString([]byte(rand.Text()))}
	if err := os.MkdirAll(filepath.Join(t.dir, "logs"), 0o755); err != nil {
		return nil, err
	}
	steps := []func(context.Context) error{t.startPostgres, t.startNATS, t.migrate, t.startServices}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			t.stop()
			return nil, err
		}
	}
	return t, nil
}

func (t *topology) startPostgres(ctx context.Context) error {
	pg, err := pgcluster.Init(filepath.Join(t.dir, "pg"), 0)
	if err != nil {
		return err
	}
	t.pg = pg
	if err := pg.Start(); err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, pg.URL("postgres"))
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "CREATE DATABASE tickup")
	t.log("postgres: private cluster on 127.0.0.1:%d (%s)", pg.Port, pg.Dir)
	return err
}

func (t *topology) startNATS(ctx context.Context) error {
	const n = 3
	ports, routes := make([]int, n), make([]int, n)
	for i := range n {
		var err error
		if ports[i], err = natsserver.FreePort(); err == nil {
			routes[i], err = natsserver.FreePort()
		}
		if err != nil {
			return err
		}
	}
	var urls []string
	for i := range n {
		var others []string
		for j, r := range routes {
			if j != i {
				others = append(others, strconv.Itoa(r))
			}
		}
		p := &proc{name: fmt.Sprintf("nats-%d", i+1), bin: t.bin, logDir: filepath.Join(t.dir, "logs"), supervise: true,
			args: []string{"nats-node", "--name", fmt.Sprintf("tickup-%d", i+1), "--port", strconv.Itoa(ports[i]),
				"--cluster-port", strconv.Itoa(routes[i]), "--routes", strings.Join(others, ","),
				"--store", filepath.Join(t.dir, fmt.Sprintf("nats-%d", i+1))}}
		if err := p.start(); err != nil {
			return err
		}
		t.nats = append(t.nats, p)
		urls = append(urls, fmt.Sprintf("nats://127.0.0.1:%d", ports[i]))
	}
	t.natsURL = strings.Join(urls, ",")
	t.log("nats: 3-node JetStream cluster %s", t.natsURL)
	if err := waitFor(ctx, time.Minute, "the NATS cluster's JetStream", t.jetStreamReady); err != nil {
		return err
	}
	// Create the streams once, with their three copies, before eight processes race to.
	return waitFor(ctx, 2*time.Minute, "the streams with 3 replicas", t.ensureStreams)
}

func (t *topology) ensureStreams(ctx context.Context) error {
	conn, err := bus.Connect(ctx, t.natsURL, "tickup-chaos", nil)
	if err != nil {
		return err
	}
	defer conn.Close()
	r := events.DefaultRetention()
	r.Replicas = 3
	return conn.EnsureStreams(ctx, events.StreamsWith(r)...)
}

// jetStream connects to the run's cluster; the caller closes the connection.
func (t *topology) jetStream() (jetstream.JetStream, func(), error) {
	nc, err := nats.Connect(t.natsURL, nats.Timeout(2*time.Second))
	if err != nil {
		return nil, nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	return js, nc.Close, nil
}

func (t *topology) jetStreamReady(ctx context.Context) error {
	js, closeJS, err := t.jetStream()
	if err != nil {
		return err
	}
	defer closeJS()
	_, err = js.AccountInfo(ctx)
	return err
}

// env is every process's settings: the private database and cluster, three stream
// copies, the run's secrets, no request limits (the load comes from one IP).
func (t *topology) env() []string {
	return []string{
		"TICKUP_ENV=dev", "HOME=" + t.dir, "XDG_CONFIG_HOME=" + filepath.Join(t.dir, "xdg"),
		"DATABASE_URL=" + t.pg.URL("tickup"), "NATS_URL=" + t.natsURL, "TICKUP_STREAM_REPLICAS=3",
		"TICKUP_DATA_DIR=" + filepath.Join(t.dir, "data"), "SUPABASE_JWT=" + t.jwtSecret,
		"TICKUP_WEBHOOK_GENERIC_SECRETS=" + t.whSecret, "TICKUP_WEBHOOK_STRIPE_SECRETS=whsec_chaos_stripe",
		"TICKUP_RATE_LIMIT_WRITES_PER_MINUTE=0", "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE=0",
		"TICKUP_RATE_LIMIT_READS_PER_MINUTE=0", "TICKUP_RATE_LIMIT_IP_READS_PER_MINUTE=0",
		"TICKUP_LOG_FORMAT=json", "TICKUP_DRAW_BEACON=off", "TICKUP_HOLD_TTL=1m",
	}
}

func (t *topology) migrate(ctx context.Context) error {
	p := &proc{name: "migrate", bin: t.bin, args: []string{"migrate"}, env: t.env(), logDir: filepath.Join(t.dir, "logs")}
	if err := p.start(); err != nil {
		return err
	}
	select {
	case <-p.done:
	case <-ctx.Done():
		return ctx.Err()
	}
	if code := p.cmd.ProcessState.ExitCode(); code != 0 {
		return fmt.Errorf("tickup migrate exited %d (see %s/logs/migrate.log)", code, t.dir)
	}
	return nil
}

func (t *topology) startServices(ctx context.Context) error {
	for _, name := range services {
		for r := range 2 {
			port, err := natsserver.FreePort()
			if err != nil {
				return err
			}
			env := append(t.env(), fmt.Sprintf("TICKUP_%s_HEALTH_PORT=%d", strings.ToUpper(name), port))
			if name == "api" {
				env = append(env, fmt.Sprintf("TICKUP_HTTP_PORT=%d", port))
				t.apiURLs = append(t.apiURLs, fmt.Sprintf("http://127.0.0.1:%d", port))
			}
			p := &proc{name: fmt.Sprintf("%s-%d", name, r+1), bin: t.bin, args: []string{"serve", name}, env: env,
				logDir: filepath.Join(t.dir, "logs"), health: fmt.Sprintf("http://127.0.0.1:%d/readyz", port), supervise: true}
			if err := p.start(); err != nil {
				return err
			}
			t.svc[name] = append(t.svc[name], p)
		}
	}
	for _, ps := range t.svc {
		for _, p := range ps {
			if err := waitFor(ctx, 2*time.Minute, p.name+" ready", func(context.Context) error { return ready(p.health) }); err != nil {
				return err
			}
		}
	}
	t.log("services: 2 processes each of %s; gateways %s", strings.Join(services, ", "), strings.Join(t.apiURLs, " "))
	return nil
}

func (t *topology) stop() {
	for _, ps := range t.svc {
		for _, p := range ps {
			p.kill(syscallTERM, 30*time.Second)
		}
	}
	for _, p := range t.nats {
		p.kill(syscallTERM, 10*time.Second)
	}
	if t.pg != nil {
		_ = t.pg.Stop("fast")
	}
}

// ready asks a readiness URL.
func ready(url string) error {
	c := http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %d", url, resp.StatusCode)
	}
	return nil
}

// waitFor calls check every 200 ms until it succeeds or limit passes.
func waitFor(ctx context.Context, limit time.Duration, what string, check func(context.Context) error) error {
	deadline := time.Now().Add(limit)
	for {
		err := check(ctx)
		if err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: not after %s: %w", what, limit, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

package ticketing_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/ticketing/ticketing"
	"tickup.dev/services/ticketing/ticketingaudit"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

const waitLimit = 60 * time.Second

// env is one test's world: a fresh database, an embedded NATS, the ticketing service's
// replicas, a stand-in for the draw service's commitment endpoint, and clients.
type env struct {
	t       *testing.T
	dsn     string // the ticketing role's URL, as the service connects
	natsURL string
	db      *gorm.DB // admin connection for assertions and planted faults
	bus     *bus.Conn
	client  *ticketingrpc.Client
	draw    *fakeDraw
}

// newEnv prepares the world without starting the service. After the test (and after its
// replicas stopped) it checks the ticketing invariants.
func newEnv(t *testing.T) *env {
	t.Helper()
	admin := testenv.FreshDatabase(t)
	e := &env{t: t, dsn: testenv.ServiceDSN(t, admin, ticketing.Name), natsURL: testenv.NATSURL(t)}
	e.db = testenv.Open(t, admin)
	t.Cleanup(e.audit)
	conn, err := bus.Connect(context.Background(), e.natsURL, "test-"+t.Name(), nil)
	if err != nil {
		t.Fatalf("connect bus: %v", err)
	}
	t.Cleanup(conn.Close)
	if err := conn.EnsureStreams(context.Background(), events.Streams()...); err != nil {
		t.Fatalf("streams: %v", err)
	}
	e.bus, e.client = conn, ticketingrpc.NewClient(conn.NC)
	return e
}

// withDraw answers the draw service's commitment requests.
func (e *env) withDraw() *env {
	e.draw = startFakeDraw(e.t, e.natsURL)
	return e
}

// replica is one running ticketing service.
type replica struct {
	cfg    config.Config
	cancel context.CancelFunc
	done   chan error
}

// start runs n replicas of the service and waits until each is ready.
func (e *env) start(n int) []*replica {
	e.t.Helper()
	out := make([]*replica, n)
	for i := range out {
		out[i] = e.startOne()
	}
	return out
}

func (e *env) startOne() *replica {
	e.t.Helper()
	r := &replica{cfg: testenv.Config(e.t, e.dsn, e.natsURL), done: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() { r.done <- ticketing.Run(ctx, r.cfg) }()
	e.t.Cleanup(func() { r.stop(e.t) })
	url := fmt.Sprintf("http://127.0.0.1:%d/readyz", r.cfg.HealthPorts[ticketing.Name])
	testenv.WaitFor(e.t, waitLimit, "ticketing ready", func() error { return httpOK(url) })
	return r
}

// stop cancels the replica and checks that it shut down cleanly; it may be called twice.
func (r *replica) stop(t *testing.T) {
	if r.cancel == nil {
		return
	}
	r.cancel()
	r.cancel = nil
	select {
	case err := <-r.done:
		if err != nil {
			t.Errorf("ticketing.Run: %v", err)
		}
	case <-time.After(waitLimit):
		t.Errorf("ticketing.Run did not return after cancel")
	}
}

func httpOK(url string) error {
	client := http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", url, resp.Status)
	}
	return nil
}

// audit fails the test for every broken ticketing invariant.
func (e *env) audit() {
	violations, err := ticketingaudit.Check(context.Background(), e.db)
	if err != nil {
		e.t.Errorf("audit: %v", err)
	}
	for _, v := range violations {
		e.t.Errorf("invariant broken: %s", v)
	}
}

func connectNATS(t *testing.T, url string) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatalf("connect nats: %v", err)
	}
	t.Cleanup(nc.Close)
	return nc
}

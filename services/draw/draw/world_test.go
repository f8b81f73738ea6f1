package draw_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/draw/draw"
)

const waitLimit = 60 * time.Second

// ticketingName is the ticketing service's name: its database role and schema.
const ticketingName = "ticketing"

// world is one test's system: a fresh database, NATS, the real ticketing service, the draw
// service (in process or as a process), clients, and an admin connection for assertions.
type world struct {
	t        *testing.T
	admin    string
	natsURL  string
	db       *gorm.DB
	bus      *bus.Conn
	tickets  *ticketingrpc.Client
	draws    *drawrpc.Client
	tampered map[string]bool // pools whose stored draw a test altered on purpose
}

// newWorld prepares the world on the NATS server at natsURL; after the test it checks the
// draw invariants.
func newWorld(t *testing.T, natsURL string) *world {
	t.Helper()
	admin := testenv.FreshDatabase(t)
	w := &world{t: t, admin: admin, natsURL: natsURL, db: testenv.Open(t, admin), tampered: map[string]bool{}}
	conn, err := bus.Connect(context.Background(), natsURL, "test-"+t.Name(), nil)
	if err != nil {
		t.Fatalf("connect bus: %v", err)
	}
	t.Cleanup(conn.Close)
	if err := conn.EnsureStreams(context.Background(), events.Streams()...); err != nil {
		t.Fatalf("streams: %v", err)
	}
	w.bus, w.tickets, w.draws = conn, ticketingrpc.NewClient(conn.NC), drawrpc.NewClient(conn.NC)
	t.Cleanup(w.audit)
	return w
}

// drawDSN is the URL the draw service connects with: its own role, its own schema.
func (w *world) drawDSN() string { return testenv.ServiceDSN(w.t, w.admin, draw.Name) }

// startDraw runs a draw replica in process with extra settings ("KEY=value").
func (w *world) startDraw(extra ...string) {
	w.t.Helper()
	w.run("draw", draw.Run, testenv.Config(w.t, w.drawDSN(), w.natsURL, extra...), draw.Name)
}

// startTicketing runs the real ticketing service as a process (it needs draw's commit
// endpoint). The binary is built from the workspace: the draw module requires no other
// service, so its tests reach ticketing only through NATS, as the draw service does.
func (w *world) startTicketing() {
	w.t.Helper()
	bin := testenv.BuildBinary(w.t, "tickup.dev/services/ticketing")
	port := testenv.FreePort(w.t)
	env := []string{"DATABASE_URL=" + testenv.ServiceDSN(w.t, w.admin, ticketingName), "NATS_URL=" + w.natsURL,
		fmt.Sprintf("TICKUP_TICKETING_HEALTH_PORT=%d", port), "TICKUP_LOG_FORMAT=text", "TICKUP_LOG_LEVEL=warn",
		"TICKUP_SHUTDOWN_GRACE=10s", "TICKUP_DATA_DIR=" + w.t.TempDir(), "TICKUP_ENV=test"}
	testenv.StartProcess(w.t, "ticketing", bin, nil, env...)
	waitReady(w.t, "ticketing process", port)
}

func (w *world) run(name string, run func(context.Context, config.Config) error, cfg config.Config, svc string) {
	w.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, cfg) }()
	w.t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				w.t.Errorf("%s.Run: %v", name, err)
			}
		case <-time.After(waitLimit):
			w.t.Errorf("%s.Run did not return after cancel", name)
		}
	})
	waitReady(w.t, name, cfg.HealthPorts[svc])
}

func waitReady(t *testing.T, name string, port int) {
	t.Helper()
	url := fmt.Sprintf("http://127.0.0.1:%d/readyz", port)
	testenv.WaitFor(t, waitLimit, name+" ready", func() error {
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

// cashPool opens a pool of size tickets with winners winners of a 100.00 EUR cash prize.
func (w *world) cashPool(size, winners int) ticketingrpc.Pool {
	w.t.Helper()
	ctx := context.Background()
	prize, err := w.tickets.CreatePrize(ctx, ticketingrpc.CreatePrizeRequest{Title: "100 EUR", ValueCents: 10_000,
		Currency: "EUR", Stock: winners, Kind: ticketingrpc.KindCash, SponsorName: "Tickup"})
	if err != nil {
		w.t.Fatalf("create prize: %v", err)
	}
	boost := int64(200)
	pool, err := w.tickets.CreatePool(ctx, ticketingrpc.CreatePoolRequest{PrizeID: prize.PrizeID, TicketPriceCents: 500,
		TicketsRequired: size, WinnersCount: &winners, BoostPriceCents: &boost})
	if err != nil {
		w.t.Fatalf("create pool: %v", err)
	}
	return pool
}

// confirm publishes purchase.confirmed as the API would, and returns the purchase id.
func (w *world) confirm(pool ticketingrpc.Pool, user, kind, ticketID string) string {
	w.t.Helper()
	p := events.PurchaseConfirmed{SchemaVersion: events.SchemaVersion, PurchaseID: uuid.NewString(), UserID: user,
		PoolID: pool.PoolID, Type: kind, TicketID: ticketID, AmountCents: pool.TicketPriceCents, Currency: pool.Currency,
		PaymentMethod: events.PaymentWallet}
	if kind == events.PurchaseBoost {
		p.AmountCents = *pool.BoostPriceCents
	}
	w.publish(events.TypePurchaseConfirmed, "confirmed-"+p.PurchaseID, p)
	return p.PurchaseID
}

func (w *world) publish(typ events.Type, id string, e events.Event) {
	w.t.Helper()
	data, err := events.Encode(e)
	if err != nil {
		w.t.Fatalf("encode: %v", err)
	}
	err = w.bus.Publish(context.Background(), bus.Message{ID: id, Subject: e.EventSubject(), Type: typ.String(), Data: data})
	if err != nil {
		w.t.Fatalf("publish %s: %v", id, err)
	}
}

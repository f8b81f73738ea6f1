package ticketing_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/ticketing/ticketing"
	"tickup.dev/services/ticketing/ticketingaudit"
)

// benchEnv is env for benchmarks (env's helpers take a *testing.T): a fresh database, an
// embedded NATS, the fake draw commitment endpoint and a bus connection for the benchmark.
type benchEnv struct {
	tb      testing.TB
	dsn     string // the ticketing role's URL
	natsURL string
	db      *gorm.DB // admin connection
	bus     *bus.Conn
	client  *ticketingrpc.Client
}

func newBenchEnv(tb testing.TB) *benchEnv {
	tb.Helper()
	admin := testenv.FreshDatabase(tb)
	e := &benchEnv{tb: tb, dsn: testenv.ServiceDSN(tb, admin, ticketing.Name), natsURL: testenv.NATSURL(tb)}
	e.db = testenv.Open(tb, admin)
	conn, err := bus.Connect(context.Background(), e.natsURL, "bench", nil)
	if err != nil {
		tb.Fatalf("connect bus: %v", err)
	}
	tb.Cleanup(conn.Close)
	if err := conn.EnsureStreams(context.Background(), events.Streams()...); err != nil {
		tb.Fatalf("streams: %v", err)
	}
	e.bus, e.client = conn, ticketingrpc.NewClient(conn.NC)
	e.serveFakeDraw()
	return e
}

// serveFakeDraw answers commitment requests with the tests' fakeDraw.
func (e *benchEnv) serveFakeDraw() {
	svc, err := rpc.NewService(e.bus.NC, "draw", "0.0.0-bench", "bench stand-in for draw")
	if err != nil {
		e.tb.Fatalf("fake draw: %v", err)
	}
	e.tb.Cleanup(func() { _ = svc.Stop() })
	f := &fakeDraw{seeds: map[string][]byte{}}
	if err := rpc.Serve(svc, drawrpc.Commit, f.commit); err != nil {
		e.tb.Fatalf("fake draw: %v", err)
	}
	if err := e.bus.NC.Flush(); err != nil {
		e.tb.Fatalf("fake draw: %v", err)
	}
}

// startReplicas runs n ticketing replicas through Run and returns a function that stops them
// and reports an unclean shutdown (also run when the benchmark ends, if it was not called).
// It does not wait for readiness: issuance starts at once.
func (e *benchEnv) startReplicas(n int) (stop func()) {
	cancels, dones := make([]context.CancelFunc, n), make([]chan error, n)
	for i := range n {
		cfg := testenv.Config(e.tb, e.dsn, e.natsURL)
		ctx, cancel := context.WithCancel(context.Background())
		cancels[i], dones[i] = cancel, make(chan error, 1)
		go func() { dones[i] <- ticketing.Run(ctx, cfg) }()
	}
	stop = sync.OnceFunc(func() {
		for i := range n {
			cancels[i]()
			select {
			case err := <-dones[i]:
				if err != nil {
					e.tb.Errorf("ticketing.Run: %v", err)
				}
			case <-time.After(waitLimit):
				e.tb.Errorf("ticketing.Run did not return after cancel")
			}
		}
	})
	e.tb.Cleanup(stop)
	return stop
}

// openPool starts one replica just long enough to create a pool of size tickets.
func (e *benchEnv) openPool(size int) ticketingrpc.Pool {
	e.tb.Helper()
	stop := e.startReplicas(1)
	defer stop()
	ctx := context.Background()
	var pool ticketingrpc.Pool
	testenv.WaitFor(e.tb, waitLimit, "pool created", func() error {
		prize, err := e.client.CreatePrize(ctx, ticketingrpc.CreatePrizeRequest{Title: "Bench prize",
			ValueCents: 49_900, Currency: "EUR", Stock: 1, SponsorName: "Tickup Labs"})
		if err == nil {
			pool, err = e.client.CreatePool(ctx, ticketingrpc.CreatePoolRequest{PrizeID: prize.PrizeID,
				TicketPriceCents: price, TicketsRequired: size})
		}
		return err
	})
	return pool
}

// audit fails the benchmark for every broken ticketing invariant.
func (e *benchEnv) audit() {
	violations, err := ticketingaudit.Check(context.Background(), e.db)
	if err != nil {
		e.tb.Fatalf("audit: %v", err)
	}
	for _, v := range violations {
		e.tb.Errorf("invariant broken: %s", v)
	}
	if len(violations) > 0 {
		e.tb.FailNow()
	}
}

// describe is a pool's one-line summary for failure messages.
func describe(p ticketingrpc.Pool) string {
	return fmt.Sprintf("pool %s %s sold=%d/%d", p.PoolID, p.State, p.TicketsSold, p.TicketsRequired)
}

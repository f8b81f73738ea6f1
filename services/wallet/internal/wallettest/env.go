// Package wallettest runs the wallet against real PostgreSQL and embedded NATS for tests,
// and plays the services around it: it publishes their events and reads the wallet's.
package wallettest

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/service"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/wallet/wallet"
)

// Env is one test's world: a fresh database, the wallet's role in it, an embedded NATS, an
// admin connection (search_path wallet) and a client of the wallet's RPC.
type Env struct {
	AdminDSN   string
	ServiceDSN string
	NATSURL    string
	Admin      *gorm.DB
	Bus        *bus.Conn
	Client     *walletrpc.Client
}

// New prepares an environment; the wallet is started with Start or as a process.
func New(t *testing.T) *Env {
	t.Helper()
	e := NewDatabase(t)
	e.NATSURL = testenv.NATSURL(t)
	conn, err := bus.Connect(context.Background(), e.NATSURL, "wallet-test", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	e.Bus, e.Client = conn, walletrpc.NewClient(conn.NC)
	return e
}

// NewDatabase prepares only the database part of an environment (no NATS), for tests of
// the schema and the audit.
func NewDatabase(t *testing.T) *Env {
	t.Helper()
	e := &Env{AdminDSN: testenv.FreshDatabase(t)}
	e.ServiceDSN = testenv.ServiceDSN(t, e.AdminDSN, wallet.Name)
	adminWallet, err := db.WithSearchPath(e.AdminDSN, wallet.Name)
	if err != nil {
		t.Fatal(err)
	}
	e.Admin = testenv.Open(t, adminWallet)
	return e
}

// Start runs one wallet replica with Run until the test ends, and waits until it is ready;
// settings are extra environment entries (TICKUP_WALLET_…=…) over the test defaults. Call
// it twice for two replicas.
func (e *Env) Start(t *testing.T, settings ...string) {
	t.Helper()
	cfg := testenv.Config(t, e.ServiceDSN, e.NATSURL, settings...)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- wallet.Run(ctx, cfg) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("wallet replica stopped with: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("wallet replica did not stop")
		}
	})
	WaitReady(t, cfg.HealthPorts[wallet.Name], done)
}

// WaitReady waits until the wallet on health port answers /readyz, failing early if it
// stopped (done, which may be nil, receives its Run error).
func WaitReady(t *testing.T, port int, done <-chan error) {
	t.Helper()
	url := fmt.Sprintf("http://127.0.0.1:%d/readyz", port)
	testenv.WaitFor(t, 60*time.Second, "wallet ready", func() error {
		select {
		case err := <-done:
			t.Fatalf("wallet stopped while starting: %v", err)
		default:
		}
		resp, err := http.Get(url) //nolint:gosec,noctx // the test's own health endpoint
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("readyz answered %d", resp.StatusCode)
		}
		return nil
	})
}

// Migrate applies the wallet's migrations as its own role, without starting the service,
// for tests of the schema alone.
func (e *Env) Migrate(t *testing.T) {
	t.Helper()
	dsn, err := db.WithSearchPath(e.ServiceDSN, wallet.Name)
	if err != nil {
		t.Fatal(err)
	}
	sqlDB, err := db.OpenSQL(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	if err := db.Migrate(context.Background(), sqlDB, wallet.Name, service.MigrationSets(wallet.Migrations)...); err != nil {
		t.Fatal(err)
	}
}

package e2e

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/draw/draw"
	"tickup.dev/services/ticketing/ticketing"
	"tickup.dev/services/wallet/wallet"
)

// holdsRaffle is a raffle whose wallet replicas the test can stop and start again.
type holdsRaffle struct {
	*raffle
	stopWallets func()
}

// startRaffleHolds is startRaffle with env given to every service, and the wallets under
// the test's control.
func startRaffleHolds(t *testing.T, env []string) *holdsRaffle {
	t.Helper()
	g := startGateway(t, raffleSetup, func(s *setup) { s.env = append(s.env, env...) })
	r := &holdsRaffle{raffle: &raffle{gateway: g, gateways: []*gateway{g}, client: newRaffleClient()}}
	var name string
	if err := g.db.Raw(`SELECT current_database()`).Scan(&name).Error; err != nil {
		t.Fatalf("database name: %v", err)
	}
	r.admin = dbURL(t, name)
	r.adminDB = testenv.Open(t, r.admin)
	t.Cleanup(func() { r.audit(t) })
	r.runService(t, draw.Name, draw.Run, env...)
	r.runService(t, ticketing.Name, ticketing.Run, env...)
	r.stopWallets = r.startWallets(t, env)
	r.wallet = walletClient(t, g.nats)
	r.adminID, r.adminTok = newUser(t, roleAdmin)
	_, r.svcTok = newUser(t, roleService)
	return r
}

// startWallets runs two wallet replicas until the returned function (or the end of the
// test) stops them.
func (r *holdsRaffle) startWallets(t *testing.T, env []string) func() {
	t.Helper()
	var stops []func()
	for range 2 {
		cfg := testenv.Config(t, testenv.ServiceDSN(t, r.admin, wallet.Name), r.nats, env...)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- wallet.Run(ctx, cfg) }()
		var once sync.Once
		stop := func() {
			once.Do(func() {
				cancel()
				if err := <-done; err != nil {
					t.Errorf("wallet: %v", err)
				}
			})
		}
		t.Cleanup(stop)
		stops = append(stops, stop)
		waitHTTPReady(t, wallet.Name, fmt.Sprintf("http://127.0.0.1:%d/readyz", cfg.HealthPorts[wallet.Name]), done)
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}
}

// dbURL is the superuser URL of database name.
func dbURL(t *testing.T, name string) string {
	t.Helper()
	u, err := db.WithDatabase(testenv.AdminURL(t), name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// walletClient is a wallet RPC client over its own connection to natsURL.
func walletClient(t *testing.T, natsURL string) *walletrpc.Client {
	t.Helper()
	conn, err := bus.Connect(context.Background(), natsURL, "raffle-test", nil)
	if err != nil {
		t.Fatalf("connect bus: %v", err)
	}
	t.Cleanup(conn.Close)
	return walletrpc.NewClient(conn.NC)
}

package wallet_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/wallet/internal/wallettest"
)

// TestKillNineBetweenHoldAndCapture runs the wallet as a process, places 300 holds, then
// kills it with SIGKILL while the ticket.issued events are being consumed. After a restart
// every purchase is captured exactly once and the audit is clean.
func TestKillNineBetweenHoldAndCapture(t *testing.T) {
	env := wallettest.New(t)
	bin := testenv.BuildBinary(t, "tickup.dev/services/wallet")
	start := func(name string) *testenv.Process {
		port := testenv.FreePort(t)
		p := testenv.StartProcess(t, name, bin, nil, "DATABASE_URL="+env.ServiceDSN, "NATS_URL="+env.NATSURL,
			fmt.Sprintf("TICKUP_WALLET_HEALTH_PORT=%d", port), "TICKUP_LOG_LEVEL=warn")
		wallettest.WaitReady(t, port, nil)
		return p
	}
	first := start("wallet-1")
	users, pool := make([]string, 10), uuid.NewString()
	var purchases []wallettest.Purchase
	for i := range users {
		users[i] = uuid.NewString()
		env.Fund(t, users[i], 30*price)
		for range 30 {
			purchases = append(purchases, wallettest.NewPurchase(users[i], pool, price))
		}
	}
	inParallel(t, len(purchases), func(i int) error { return env.SendNew(purchases[i].Created()) })
	env.WaitCount(t, 300, "300 holds", `SELECT count(*) FROM wallet_hold WHERE status = 'ACTIVE'`)

	inParallel(t, len(purchases), func(i int) error { return env.SendNew(purchases[i].Issued()) })
	testenv.WaitFor(t, 30*time.Second, "the first capture", func() error {
		if env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE reason = 'TICKET_PURCHASE'`) == 0 {
			return fmt.Errorf("none yet")
		}
		return nil
	})
	first.Kill()
	t.Logf("killed with %d of 300 captured", env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE reason = 'TICKET_PURCHASE'`))

	start("wallet-2")
	env.WaitCount(t, 300, "every capture after the restart", `SELECT count(*) FROM wallet_hold WHERE status = 'CAPTURED'`)
	if n := env.Count(t, `SELECT count(DISTINCT ref_purchase_id) FROM wallet_ledger WHERE reason = 'TICKET_PURCHASE'`); n != 300 {
		t.Fatalf("%d purchases captured, want 300", n)
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_account WHERE balance_cents <> 0`); n != 0 {
		t.Fatalf("%d wallets still hold money after paying for everything", n)
	}
	env.WaitEvents(t, events.TypeEntryPosted, 10+300) // funding and captures, none published twice
	env.AssertAuditClean(t)
}

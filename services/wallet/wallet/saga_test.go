package wallet_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/ports"
	"tickup.dev/services/wallet/internal/wallettest"
)

const price = 500

// TestTwoHundredConcurrentPurchasesFromOneWallet sends 200 wallet purchases at once from a
// wallet funded for 120 to two replicas: exactly 120 holds are placed and 80 rejected, the
// available balance never drops below zero, and the 120 tickets are then captured once each.
func TestTwoHundredConcurrentPurchasesFromOneWallet(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	env.Start(t)
	user, pool := uuid.NewString(), uuid.NewString()
	walletID := env.Fund(t, user, 120*price)

	lowest, stop := sampleAvailable(t, env, walletID)
	purchases := make([]wallettest.Purchase, 200)
	for i := range purchases {
		purchases[i] = wallettest.NewPurchase(user, pool, price)
	}
	inParallel(t, len(purchases), func(i int) error { return env.SendNew(purchases[i].Created()) })
	env.WaitCount(t, 200, "every purchase decided", `SELECT count(*) FROM wallet_hold WHERE wallet_id = ?`, walletID)

	if n := env.Count(t, `SELECT count(*) FROM wallet_hold WHERE wallet_id = ? AND status = 'ACTIVE'`, walletID); n != 120 {
		t.Fatalf("%d holds placed, want 120", n)
	}
	env.WaitEvents(t, events.TypeHoldPlaced, 120)
	env.WaitEvents(t, events.TypeHoldRejected, 80)

	held := heldPurchases(t, env, walletID, purchases)
	inParallel(t, len(held), func(i int) error { return env.SendNew(held[i].Issued()) })
	env.WaitCount(t, 120, "captures", `SELECT count(*) FROM wallet_ledger WHERE reason = 'TICKET_PURCHASE' AND status = 'POSTED'`)
	env.WaitHandled(t, ports.DurableTicketing, 120)
	stop()

	if min := lowest.Load(); min < 0 {
		t.Fatalf("available balance dropped to %d", min)
	}
	w := env.Wallet(t, user)
	if w.BalanceCents != 0 || w.HeldCents != 0 || w.AvailableCents != 0 {
		t.Fatalf("wallet after 120 captures: %+v, want all zero", w)
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_hold WHERE status = 'CAPTURED'`); n != 120 {
		t.Fatalf("%d holds captured, want 120", n)
	}
	env.AssertAuditClean(t)
}

// heldPurchases returns the purchases that got an ACTIVE hold.
func heldPurchases(t *testing.T, env *wallettest.Env, walletID string, all []wallettest.Purchase) []wallettest.Purchase {
	t.Helper()
	var ids []string
	if err := env.Admin.Raw(`SELECT purchase_id::text FROM wallet_hold WHERE wallet_id = ? AND status = 'ACTIVE'`, walletID).Scan(&ids).Error; err != nil {
		t.Fatal(err)
	}
	active := map[string]bool{}
	for _, id := range ids {
		active[id] = true
	}
	var out []wallettest.Purchase
	for _, p := range all {
		if active[p.PurchaseID] {
			out = append(out, p)
		}
	}
	return out
}

// sampleAvailable samples the wallet's available balance (cached balance minus active holds,
// in one statement, so one snapshot) until stop is called, keeping the lowest value seen.
func sampleAvailable(t *testing.T, env *wallettest.Env, walletID string) (*atomic.Int64, func()) {
	t.Helper()
	lowest := &atomic.Int64{}
	lowest.Store(1 << 62)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		for ctx.Err() == nil {
			var available int64
			err := env.Admin.WithContext(ctx).Raw(`SELECT a.balance_cents - coalesce((SELECT sum(h.amount_cents)
				FROM wallet_hold h WHERE h.wallet_id = a.wallet_id AND h.status = 'ACTIVE'), 0)
				FROM wallet_account a WHERE a.wallet_id = ?`, walletID).Scan(&available).Error
			if err == nil && available < lowest.Load() {
				lowest.Store(available)
			}
			time.Sleep(2 * time.Millisecond) // sampling pace, not a wait for an effect
		}
	}()
	return lowest, func() { cancel(); <-done }
}

// inParallel runs fn(0..n-1) in n goroutines, waits for all and fails on any error.
func inParallel(t *testing.T, n int, fn func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() { defer wg.Done(); errs <- fn(i) }()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

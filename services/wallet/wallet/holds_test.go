package wallet_test

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/ports"
	"tickup.dev/services/wallet/internal/wallettest"
)

// TestHoldsCountAgainstTheBalance: two holds together can never exceed the balance.
func TestHoldsCountAgainstTheBalance(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	user, pool := uuid.NewString(), uuid.NewString()
	env.Fund(t, user, 1000)
	first, second := wallettest.NewPurchase(user, pool, 600), wallettest.NewPurchase(user, pool, 600)
	env.Publish(t, first.Created())
	env.Publish(t, second.Created())
	env.WaitHandled(t, ports.DurableAPI, 2)

	env.WaitEvents(t, events.TypeHoldPlaced, 1)
	env.WaitEvents(t, events.TypeHoldRejected, 1)
	rejected := wallettest.Events[events.HoldRejected](t, env, events.TypeHoldRejected)[0]
	if rejected.Reason != events.HoldRejectedInsufficientFunds {
		t.Fatalf("rejected for %q, want %q", rejected.Reason, events.HoldRejectedInsufficientFunds)
	}
	w := env.Wallet(t, user)
	if w.BalanceCents != 1000 || w.HeldCents != 600 || w.AvailableCents != 400 || len(w.Holds) != 1 {
		t.Fatalf("wallet %+v, want 1000 balance, 600 held in one hold, 400 available", w)
	}
	env.AssertAuditClean(t)
}

// TestReleasedOrRejectedHoldIsNeverCaptured: a ticket issued for a purchase whose hold was
// rejected or released moves no money, whatever the order of events.
func TestReleasedOrRejectedHoldIsNeverCaptured(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	user, pool := uuid.NewString(), uuid.NewString()
	env.Fund(t, user, 1000)
	rejected := wallettest.NewPurchase(user, pool, 5000)
	released := wallettest.NewPurchase(user, pool, 400)
	env.Publish(t, rejected.Created())
	env.Publish(t, released.Created())
	env.Publish(t, released.Failed())
	env.WaitHandled(t, ports.DurableAPI, 3)

	env.Publish(t, rejected.Issued())
	env.Publish(t, released.Issued())
	env.WaitHandled(t, ports.DurableTicketing, 2)
	if n := env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE reason = 'TICKET_PURCHASE'`); n != 0 {
		t.Fatalf("%d captures of rejected or released holds", n)
	}
	if w := env.Wallet(t, user); w.BalanceCents != 1000 || w.AvailableCents != 1000 {
		t.Fatalf("wallet %+v, want 1000 untouched", w)
	}
	env.AssertAuditClean(t)
}

// TestFailureBeforeCreationKeepsTheHoldFromEverBeingPlaced: a purchase.failed overtaking its
// purchase.created (two replicas may reorder them) leaves no hold to expire.
func TestFailureBeforeCreationKeepsTheHoldFromEverBeingPlaced(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	user := uuid.NewString()
	env.Fund(t, user, 1000)
	p := wallettest.NewPurchase(user, uuid.NewString(), 300)
	env.Publish(t, p.Failed())
	env.WaitHandled(t, ports.DurableAPI, 1)
	env.Publish(t, p.Created())
	env.WaitHandled(t, ports.DurableAPI, 2)
	if w := env.Wallet(t, user); w.HeldCents != 0 {
		t.Fatalf("a failed purchase holds %d cents", w.HeldCents)
	}
	env.AssertAuditClean(t)
}

// TestReleaseTwiceAndCaptureTwiceAreNoOps delivers releases and captures again under new
// message ids (as a re-published event would arrive): nothing happens the second time.
func TestReleaseTwiceAndCaptureTwiceAreNoOps(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	user, pool := uuid.NewString(), uuid.NewString()
	env.Fund(t, user, 1000)
	captured, released := wallettest.NewPurchase(user, pool, 300), wallettest.NewPurchase(user, pool, 200)
	env.Publish(t, captured.Created())
	env.Publish(t, released.Created())
	env.WaitHandled(t, ports.DurableAPI, 2)

	env.Publish(t, released.Rejected())
	env.Publish(t, released.Rejected())
	env.Publish(t, captured.Issued())
	env.Publish(t, captured.Issued())
	boosted := captured.Issued()
	env.Publish(t, events.TicketBoosted(boosted))
	env.WaitHandled(t, ports.DurableTicketing, 5)

	if n := env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE reason IN ('TICKET_PURCHASE', 'REFUND')`); n != 1 {
		t.Fatalf("%d capture or refund entries, want the one capture", n)
	}
	if w := env.Wallet(t, user); w.BalanceCents != 700 || w.HeldCents != 0 {
		t.Fatalf("wallet %+v, want 700 balance and nothing held", w)
	}
	env.WaitEvents(t, events.TypeEntryPosted, 2) // the funding and the one capture
	env.AssertAuditClean(t)
}

// TestWalletPausedPastTheHoldDeadlineNeverReleasesOnItsOwnClock: the wallet's consumer is
// paused until both purchases' hold deadlines are well past; then it learns that the api
// confirmed one in time and failed the other at its deadline. The confirmed purchase's hold
// is still there and is captured for its ticket; the failed one is released on
// purchase.failed. Time alone releases nothing.
func TestWalletPausedPastTheHoldDeadlineNeverReleasesOnItsOwnClock(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	env.Start(t)
	user, pool := uuid.NewString(), uuid.NewString()
	env.Fund(t, user, 1000)
	deadline := time.Now().Add(time.Millisecond)
	confirmed, expired := wallettest.NewPurchase(user, pool, 300), wallettest.NewPurchase(user, pool, 200)
	confirmed.HoldExpiresAt, expired.HoldExpiresAt = &deadline, &deadline
	env.Publish(t, confirmed.Created())
	env.Publish(t, expired.Created())
	env.WaitHandled(t, ports.DurableAPI, 2)
	env.WaitCount(t, 2, "both holds a second past their deadline, or no longer active",
		`SELECT count(*) FROM wallet_hold WHERE purchase_id IN (?, ?) AND (status <> 'ACTIVE' OR expires_at < now() - interval '1 second')`,
		confirmed.PurchaseID, expired.PurchaseID)

	env.Publish(t, confirmed.Confirmed())
	env.Publish(t, expired.Failed())
	env.WaitHandled(t, ports.DurableAPI, 4)
	env.Publish(t, confirmed.Issued())
	env.WaitHandled(t, ports.DurableTicketing, 1)
	if n := env.Count(t, `SELECT count(*) FROM wallet_hold WHERE purchase_id = ? AND status = 'CAPTURED'`, confirmed.PurchaseID); n != 1 {
		t.Fatalf("the confirmed purchase's hold was not captured for its ticket")
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_hold WHERE purchase_id = ? AND status = 'RELEASED' AND release_reason = 'purchase failed'`,
		expired.PurchaseID); n != 1 {
		t.Fatalf("the failed purchase's hold was not released on purchase.failed")
	}
	if w := env.Wallet(t, user); w.BalanceCents != 700 || w.HeldCents != 0 {
		t.Fatalf("wallet %+v, want the confirmed purchase paid and nothing held", w)
	}
	env.AssertAuditClean(t)
}

package api

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/internal/purchases"
)

// TestHoldPlacedAfterItsDeadlineNeverConfirms feeds the api's saga wallet.hold.placed for
// purchases in each state its hold deadline allows (the expiry sweeper is idle): only a
// PENDING purchase within its deadline is confirmed; one past it fails (hold-expired), and a
// purchase already FAILED stays FAILED. Each emits at most one status event.
func TestHoldPlacedAfterItsDeadlineNeverConfirms(t *testing.T) {
	g := startGateway(t, raffleSetup, func(s *setup) { s.env = append(s.env, "TICKUP_HOLD_SWEEP_INTERVAL=1h") })
	conn := sagaConn(t, g)
	user, pool := uuid.NewString(), uuid.NewString()
	cases := []struct {
		name, status, reason string
		deadline             time.Duration
		failFirst            bool // the purchase failed (insufficient funds) before the hold arrives
	}{
		{name: "within its deadline", deadline: time.Hour, status: "CONFIRMED"},
		{name: "past its deadline", deadline: -time.Second, status: "FAILED", reason: events.PurchaseFailedHoldExpired},
		{name: "already failed", deadline: time.Hour, failFirst: true, status: "FAILED", reason: events.HoldRejectedInsufficientFunds},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := plantHeld(t, g, user, pool, tc.deadline)
			if tc.failFirst {
				publishAs(t, conn, "rejected-"+id, events.HoldRejected{SchemaVersion: 1, PurchaseID: id, UserID: user,
					PoolID: pool, AmountCents: rafflePrice, Currency: "EUR", Reason: events.HoldRejectedInsufficientFunds})
				waitStatus(t, g, id, "FAILED")
			}
			publishAs(t, conn, "placed-"+id, holdPlaced(id, user, pool))
			waitHandled(t, g, "placed-"+id)
			g.expectOneOutcome(t, id, tc.status, tc.reason)
		})
	}
}

// TestPendingWalletPurchaseFailsAtItsHoldDeadline: the expiry sweeper fails the purchase
// whose deadline passed (hold-expired, with its purchase.failed event carrying the deadline
// for the wallet), leaves the one still within its deadline alone, and a hold placed after
// the failure changes nothing.
func TestPendingWalletPurchaseFailsAtItsHoldDeadline(t *testing.T) {
	g := startGateway(t, raffleSetup, func(s *setup) { s.env = append(s.env, "TICKUP_HOLD_SWEEP_INTERVAL=20ms") })
	conn := sagaConn(t, g)
	user, pool := uuid.NewString(), uuid.NewString()
	lapsing, waiting := plantHeld(t, g, user, pool, 200*time.Millisecond), plantHeld(t, g, user, pool, time.Hour)
	waitStatus(t, g, lapsing, "FAILED")
	publishAs(t, conn, "placed-late", holdPlaced(lapsing, user, pool))
	waitHandled(t, g, "placed-late")
	g.expectOneOutcome(t, lapsing, "FAILED", events.PurchaseFailedHoldExpired)
	var payload []byte
	if err := g.db.Raw(`SELECT payload FROM outbox WHERE aggregate_id = ? AND event_type = ?`, lapsing,
		events.TypePurchaseFailed.String()).Row().Scan(&payload); err != nil {
		t.Fatal(err)
	}
	failed, err := events.Decode[events.PurchaseFailed](payload)
	if err != nil || failed.HoldExpiresAt == nil || failed.Reason != events.PurchaseFailedHoldExpired {
		t.Fatalf("purchase.failed %+v (%v): want the reason and the deadline", failed, err)
	}
	if got := g.count(t, `SELECT count(*) FROM purchase WHERE purchase_id = ? AND status = 'PENDING'`, waiting); got != 1 {
		t.Fatalf("the purchase within its deadline is no longer PENDING")
	}
}

// TestHoldDecisionsRaceTheExpirySweeperOnce races, for 200 purchases whose deadlines fall
// while their holds arrive, the saga's hold decision against the expiry sweeper on two
// gateways: each purchase ends CONFIRMED or FAILED (hold-expired) with exactly one status
// event, never both.
func TestHoldDecisionsRaceTheExpirySweeperOnce(t *testing.T) {
	const n = 200
	g := startGateway(t, raffleSetup, func(s *setup) { s.env = append(s.env, "TICKUP_HOLD_SWEEP_INTERVAL=1ms") })
	conn := sagaConn(t, g)
	user, pool := uuid.NewString(), uuid.NewString()
	ids := make([]string, n)
	for i := range ids {
		ids[i] = plantHeld(t, g, user, pool, time.Duration(i%50)*time.Millisecond)
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			if err := sendAs(conn, "placed-"+id, holdPlaced(id, user, pool)); err != nil {
				t.Errorf("publish: %v", err)
			}
		})
	}
	wg.Wait()
	testenv.WaitFor(t, raffleWait, "every purchase decided", func() error {
		if left := g.count(t, `SELECT count(*) FROM purchase WHERE status = 'PENDING'`); left > 0 {
			return fmt.Errorf("%d still PENDING", left)
		}
		return nil
	})
	for _, id := range ids {
		var status string
		g.db.Raw(`SELECT status FROM purchase WHERE purchase_id = ?`, id).Scan(&status)
		reason := ""
		if status == "FAILED" {
			reason = events.PurchaseFailedHoldExpired
		}
		g.expectOneOutcome(t, id, status, reason)
	}
}

// sagaConn is a bus connection to g's NATS, playing the wallet.
func sagaConn(t *testing.T, g *gateway) *bus.Conn {
	t.Helper()
	conn, err := bus.Connect(context.Background(), g.nats, "saga-test", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	return conn
}

// sendAs publishes e under message id id; safe from any goroutine.
func sendAs(conn *bus.Conn, id string, e events.Event) error {
	data, err := events.Encode(e)
	if err != nil {
		return err
	}
	return conn.Publish(context.Background(), bus.Message{ID: id, Subject: e.EventSubject(), Type: e.EventType(), Data: data})
}

// holdPlaced is the wallet's wallet.hold.placed for purchase id.
func holdPlaced(id, user, pool string) events.HoldPlaced {
	return events.HoldPlaced{SchemaVersion: 1, PurchaseID: id, HoldID: uuid.NewString(), UserID: user, PoolID: pool,
		AmountCents: rafflePrice, Currency: "EUR", ExpiresAt: time.Now().Add(time.Hour)}
}

// waitHandled waits until the api's wallet consumer has handled message msgID.
func waitHandled(t *testing.T, g *gateway, msgID string) {
	t.Helper()
	testenv.WaitFor(t, raffleWait, "message "+msgID+" handled", func() error {
		if g.count(t, `SELECT count(*) FROM inbox WHERE consumer = ? AND msg_id = ?`, purchases.WalletDurable, msgID) != 1 {
			return errStillThere
		}
		return nil
	})
}

// expectOneOutcome checks that purchase id is in status with reason and that the outbox
// holds exactly one status event for it, the one of that status.
func (g *gateway) expectOneOutcome(t *testing.T, id, status, reason string) {
	t.Helper()
	var got struct{ Status, FailureReason string }
	g.db.Raw(`SELECT status, COALESCE(failure_reason, '') AS failure_reason FROM purchase WHERE purchase_id = ?`, id).Scan(&got)
	confirmed := g.count(t, `SELECT count(*) FROM outbox WHERE aggregate_id = ? AND event_type = ?`, id, events.TypePurchaseConfirmed.String())
	failed := g.count(t, `SELECT count(*) FROM outbox WHERE aggregate_id = ? AND event_type = ?`, id, events.TypePurchaseFailed.String())
	want := map[string][2]int64{"CONFIRMED": {1, 0}, "FAILED": {0, 1}}[status]
	if got.Status != status || got.FailureReason != reason || confirmed != want[0] || failed != want[1] {
		t.Errorf("purchase %s: %+v with %d confirmed and %d failed events; want %s (%q) and one event",
			id, got, confirmed, failed, status, reason)
	}
}

package api

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
)

// TestRaffleSagaEventsApplyOnce feeds the api's saga consumers the wallet's and
// ticketing's events directly, redelivered and repeated: each transition happens once and
// emits one event, and an undecodable event does not hold up the ones behind it.
func TestRaffleSagaEventsApplyOnce(t *testing.T) {
	g := startGateway(t, raffleSetup)
	conn, err := bus.Connect(context.Background(), g.nats, "saga-test", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	user, pool, ticket := uuid.NewString(), uuid.NewString(), uuid.NewString()
	first, second := plantPending(t, g, user, pool), plantPending(t, g, user, pool)
	placed := events.HoldPlaced{SchemaVersion: 1, PurchaseID: first, HoldID: uuid.NewString(), UserID: user, PoolID: pool,
		AmountCents: rafflePrice, Currency: "EUR", ExpiresAt: time.Now().Add(time.Hour)}
	publishAs(t, conn, "hold-1", placed)
	publishAs(t, conn, "hold-1", placed) // a re-publish: dropped by the stream
	publishAs(t, conn, "hold-1-again", placed)
	publishAs(t, conn, "hold-bad", events.HoldRejected{SchemaVersion: 1, PurchaseID: "not-a-uuid", UserID: user, Reason: "x"})
	publishAs(t, conn, "hold-2", events.HoldRejected{SchemaVersion: 1, PurchaseID: second, UserID: user, PoolID: pool,
		AmountCents: rafflePrice, Currency: "EUR", Reason: events.HoldRejectedInsufficientFunds})
	waitStatus(t, g, second, "FAILED")
	waitStatus(t, g, first, "CONFIRMED")

	issued := events.TicketIssued{SchemaVersion: 1, TicketID: ticket, PurchaseID: first, PoolID: pool, UserID: user,
		PurchaseType: "ENTRY", TicketNum: 1, Weight: 1, AmountCents: rafflePrice, Currency: "EUR", PaymentMethod: "wallet"}
	publishAs(t, conn, "issued-1", issued)
	again := issued
	again.TicketID = uuid.NewString()
	publishAs(t, conn, "issued-2", again)
	voided := events.TicketVoided(issued)
	voided.Reason = "pool_cancelled"
	publishAs(t, conn, "voided-1", voided)
	publishAs(t, conn, "voided-2", voided)
	waitStatus(t, g, first, "REFUNDED")
	var got struct {
		IssuedTicketID string
		FailureReason  string
	}
	g.db.Raw(`SELECT issued_ticket_id::text AS issued_ticket_id, failure_reason FROM purchase WHERE purchase_id = ?`, first).Scan(&got)
	counts := map[string]int64{}
	for _, typ := range []string{"confirmed", "failed", "refunded"} {
		counts[typ] = g.count(t, `SELECT count(*) FROM outbox WHERE event_type = ?`, "tickup.api.purchase."+typ)
	}
	if got.IssuedTicketID != ticket || got.FailureReason != "pool_cancelled" || counts["confirmed"] != 1 ||
		counts["failed"] != 1 || counts["refunded"] != 1 {
		t.Fatalf("purchase %+v, events %v: want the first ticket, one event of each", got, counts)
	}
}

// plantPending stores a PENDING wallet-paid purchase, as POST /purchases would, whose hold
// deadline is an hour away.
func plantPending(t *testing.T, g *gateway, user, pool string) string {
	t.Helper()
	return plantHeld(t, g, user, pool, time.Hour)
}

// plantHeld stores a PENDING wallet-paid purchase whose hold deadline is in (negative:
// already past) on the database clock.
func plantHeld(t *testing.T, g *gateway, user, pool string, in time.Duration) string {
	t.Helper()
	id := uuid.Must(uuid.NewV7()).String()
	err := g.db.Exec(`INSERT INTO purchase (purchase_id, user_id, pool_id, type, amount_cents, currency, payment_method, hold_expires_at)
		VALUES (?, ?, ?, 'ENTRY', ?, 'EUR', 'wallet', now() + ?::bigint * interval '1 microsecond')`,
		id, user, pool, rafflePrice, in.Microseconds()).Error
	if err != nil {
		t.Fatalf("plant purchase: %v", err)
	}
	return id
}

// publishAs publishes e under message id id, as its producer's outbox relay would.
func publishAs(t *testing.T, conn *bus.Conn, id string, e events.Event) {
	t.Helper()
	data, err := events.Encode(e)
	if err != nil {
		t.Fatal(err)
	}
	msg := bus.Message{ID: id, Subject: e.EventSubject(), Type: e.EventType(), Data: data}
	if err := conn.Publish(context.Background(), msg); err != nil {
		t.Fatalf("publish %s: %v", id, err)
	}
}

// waitStatus waits until a purchase has status.
func waitStatus(t *testing.T, g *gateway, id, status string) {
	t.Helper()
	testenv.WaitFor(t, raffleWait, "purchase "+status, func() error {
		var got string
		if err := g.db.Raw(`SELECT status FROM purchase WHERE purchase_id = ?`, id).Scan(&got).Error; err != nil || got != status {
			return fmt.Errorf("status %q (%v)", got, err)
		}
		return nil
	})
}

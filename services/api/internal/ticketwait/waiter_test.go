package ticketwait_test

import (
	"context"
	"log/slog"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/internal/ticketwait"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

// TestWaitWakesOnTheTicketEventOfItsPurchase publishes the ticket event the way ticketing's
// outbox does (JetStream) and checks the waiter re-checks then, and only for its purchase.
func TestWaitWakesOnTheTicketEventOfItsPurchase(t *testing.T) {
	url := testenv.NATSURL(t)
	conn, err := bus.Connect(context.Background(), url, "ticketwait-test", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	if err := conn.EnsureStreams(context.Background(), events.Streams()...); err != nil {
		t.Fatal(err)
	}
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	w, err := ticketwait.Listen(nc, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Close)
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	var issued, checks atomic.Int32
	decided := func() (bool, error) { checks.Add(1); return issued.Load() == 1, nil }
	publish := func(purchaseID string) {
		data, _ := events.Encode(events.TicketIssued{SchemaVersion: 1, PoolID: "pool-1", PurchaseID: purchaseID})
		err := conn.Publish(context.Background(), bus.Message{ID: "evt-" + purchaseID, Subject: events.TypeTicketIssued.Subject("pool-1"),
			Type: events.TypeTicketIssued.String(), Data: data})
		if err != nil {
			t.Error(err)
		}
	}
	go func() {
		time.Sleep(50 * time.Millisecond) // let Wait make its first check
		publish("someone-else")
		issued.Store(1)
		publish("p-1")
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done, err := w.Wait(ctx, "p-1", decided)
	if err != nil || !done {
		t.Fatalf("Wait = %v, %v: want woken by p-1's event and decided", done, err)
	}
	if n := checks.Load(); n > 3 {
		t.Errorf("%d checks: want one at the start and one per event that named it (no polling)", n)
	}
	short, cancelShort := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancelShort()
	if done, err := w.Wait(short, "p-2", func() (bool, error) { return false, nil }); done || err != nil {
		t.Fatalf("an undecided purchase: Wait = %v, %v, want false at the deadline", done, err)
	}
}

package ports_test

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/service"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/api/internal/adapters"
	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/domain/purchase"
	"tickup.dev/services/api/internal/ports"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

// routers are the saga's consumers over a fresh api schema, with its application.
func routers(t *testing.T) (*gorm.DB, *app.Application, map[string]*bus.Router[app.UnitOfWork]) {
	t.Helper()
	gdb := testenv.Open(t, testenv.ServiceDSN(t, testenv.Database(t), "api"))
	sqlDB, err := gdb.DB()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(context.Background(), sqlDB, "api", service.MigrationSets(os.DirFS("../../api/migrations"))...); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	a := app.New(adapters.Transactor(gdb), adapters.NewReads(gdb), time.Hour, log)
	out := map[string]*bus.Router[app.UnitOfWork]{}
	for _, r := range ports.NewSagaEvents(a, log).Routers(inbox.Transactor(gdb, adapters.Bind)) {
		out[r.Durable()] = r
	}
	return gdb, a, out
}

// delivery is e as the bus hands it over, under message id id.
func delivery(t *testing.T, id string, e events.Event) bus.Delivery {
	t.Helper()
	data, err := events.Encode(e)
	if err != nil {
		t.Fatal(err)
	}
	return bus.Delivery{Message: bus.Message{ID: id, Subject: e.EventSubject(), Type: e.EventType(), Data: data}, NumDelivered: 1}
}

func TestSagaConsumersKeepTheirDurablesAndStreams(t *testing.T) {
	_, _, rs := routers(t)
	for durable, stream := range map[string]string{ports.WalletDurable: events.StreamWallet, ports.TicketingDurable: events.StreamTicketing} {
		if spec := rs[durable].Spec(); spec.Stream != stream || len(spec.FilterSubjects) == 0 {
			t.Errorf("%s: %+v, want stream %s", durable, spec, stream)
		}
	}
}

func TestSagaConsumersApplyEachEventOnce(t *testing.T) {
	gdb, a, rs := routers(t)
	ctx := context.Background()
	p, err := a.Commands.CreatePurchase.Handle(ctx, purchase.Purchase{ID: uuid.NewString(), UserID: uuid.NewString(),
		PoolID: uuid.NewString(), Type: "ENTRY", AmountCents: 500, Currency: "EUR", Method: purchase.MethodWallet})
	if err != nil {
		t.Fatal(err)
	}
	held := events.HoldPlaced{SchemaVersion: 1, PurchaseID: p.ID, HoldID: uuid.NewString(), AmountCents: 500, Currency: "EUR"}
	unknown := held
	unknown.PurchaseID = uuid.NewString()
	// The same message twice, the same hold under another id, and a hold for no purchase.
	batch := []bus.Delivery{delivery(t, "m1", held), delivery(t, "m1", held), delivery(t, "m2", held), delivery(t, "m3", unknown)}
	if err := rs[ports.WalletDurable].Handler()(ctx, batch); err != nil {
		t.Fatal(err)
	}
	ticket := events.TicketIssued{SchemaVersion: 1, PurchaseID: p.ID, TicketID: uuid.NewString(), PoolID: p.PoolID}
	if err := rs[ports.TicketingDurable].Handler()(ctx, []bus.Delivery{delivery(t, "t1", ticket)}); err != nil {
		t.Fatal(err)
	}
	got, err := a.Queries.GetPurchase.Handle(ctx, p.ID)
	if err != nil || got.Status != purchase.StatusConfirmed || got.IssuedTicketID != ticket.TicketID {
		t.Fatalf("purchase %+v, %v; want CONFIRMED with its ticket", got, err)
	}
	var confirmations int
	gdb.Raw(`SELECT count(*) FROM outbox WHERE aggregate_id = ? AND event_type = ?`, p.ID, events.TypePurchaseConfirmed.String()).Scan(&confirmations)
	if confirmations != 1 {
		t.Errorf("%d purchase.confirmed events, want 1", confirmations)
	}
}

func TestSagaConsumersSendMalformedIDsToTheDeadLetters(t *testing.T) {
	_, _, rs := routers(t)
	cases := []struct {
		durable string
		event   events.Event
	}{
		{ports.WalletDurable, events.HoldRejected{SchemaVersion: 1, PurchaseID: "not-a-uuid", Reason: "x"}},
		{ports.TicketingDurable, events.TicketIssued{SchemaVersion: 1, PurchaseID: uuid.NewString(), TicketID: "nope"}},
		{ports.TicketingDurable, events.TicketVoided{SchemaVersion: 1, PurchaseID: "nope"}},
	}
	for i, c := range cases {
		err := rs[c.durable].Handler()(context.Background(), []bus.Delivery{delivery(t, "p"+string(rune('0'+i)), c.event)})
		if !bus.IsPoison(err) {
			t.Errorf("%s: %v, want a poison error", c.event.EventType(), err)
		}
	}
}

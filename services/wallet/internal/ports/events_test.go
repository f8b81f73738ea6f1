package ports_test

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/testenv"
	"tickup.dev/services/wallet/internal/adapters"
	"tickup.dev/services/wallet/internal/app"
	"tickup.dev/services/wallet/internal/domain"
	"tickup.dev/services/wallet/internal/ports"
	"tickup.dev/services/wallet/internal/wallettest"
	"tickup.dev/services/wallet/wallet"
)

// routed is the wallet's routers over a fresh migrated database, their batch handlers by
// stream, called as the consume loop calls them (without the NATS transport).
type routed struct {
	admin    *gorm.DB
	handlers map[string]bus.BatchHandler
}

func newRouted(t *testing.T) routed {
	t.Helper()
	env := wallettest.NewDatabase(t)
	env.Migrate(t)
	dsn, err := db.WithSearchPath(env.ServiceDSN, wallet.Name)
	if err != nil {
		t.Fatal(err)
	}
	gdb := testenv.Open(t, dsn)
	cfg, log := app.Config{HoldTTL: time.Hour, DefaultCurrency: "EUR"}, slog.New(slog.DiscardHandler)
	batch := inbox.Transactor(gdb, func(tx *gorm.DB) app.Application { return app.New(adapters.Bind(tx), cfg, log) })
	r := routed{admin: env.Admin, handlers: map[string]bus.BatchHandler{}}
	for _, rt := range ports.Routers(batch) {
		r.handlers[rt.Spec().Stream] = rt.Handler()
	}
	return r
}

func (r routed) deliver(t *testing.T, evs ...events.Event) error {
	t.Helper()
	var batch []bus.Delivery
	for _, ev := range evs {
		data, err := events.Encode(ev)
		if err != nil {
			t.Fatal(err)
		}
		typ := events.Type(ev.EventType())
		m := bus.Message{ID: uuid.NewString(), Subject: ev.EventSubject(), Type: typ.String(), Source: typ.Source(), Data: data}
		batch = append(batch, bus.Delivery{Message: m, NumDelivered: 1})
	}
	return r.handlers[events.Type(evs[0].EventType()).Stream()](context.Background(), batch)
}

// TestConsumersDeadLetterOnlyWhatNoRetryCanFix: an id that is not a UUID and an event that
// contradicts the wallet's records are poison (to the DLQ at once); a ticket whose hold is
// not recorded yet is retried. Any failure rolls the whole batch back, inbox claims included.
func TestConsumersDeadLetterOnlyWhatNoRetryCanFix(t *testing.T) {
	r := newRouted(t)
	good := wallettest.NewPurchase(uuid.NewString(), uuid.NewString(), 100)
	badID := wallettest.NewPurchase("not-a-uuid", uuid.NewString(), 100)
	cashless := events.DrawCompleted{SchemaVersion: events.SchemaVersion, DrawID: uuid.NewString(), PoolID: uuid.NewString(),
		PrizeType: domain.PrizeCash, Currency: "EUR",
		Winners: []events.Winner{{Tier: 1, TicketID: uuid.NewString(), UserID: uuid.NewString()}}}
	tests := []struct {
		name   string
		evs    []events.Event
		poison bool
		cause  error
	}{
		{name: "purchase naming no user", evs: []events.Event{good.Created(), badID.Created()}, poison: true},
		{name: "cash prize of nothing", evs: []events.Event{cashless}, poison: true, cause: domain.ErrInconsistent},
		{name: "ticket before its hold", evs: []events.Event{good.Issued()}, cause: domain.ErrHoldMissing},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := r.deliver(t, tc.evs...)
			if err == nil || bus.IsPoison(err) != tc.poison || (tc.cause != nil && !errors.Is(err, tc.cause)) {
				t.Fatalf("deliver: %v; want poison %v, cause %v", err, tc.poison, tc.cause)
			}
		})
	}
	var inboxRows, holds int64
	if err := r.admin.Raw(`SELECT count(*) FROM inbox`).Scan(&inboxRows).Error; err != nil {
		t.Fatal(err)
	}
	if err := r.admin.Raw(`SELECT count(*) FROM wallet_hold`).Scan(&holds).Error; err != nil {
		t.Fatal(err)
	}
	if inboxRows != 0 || holds != 0 {
		t.Fatalf("failed batches left %d inbox rows and %d holds, want none", inboxRows, holds)
	}
}

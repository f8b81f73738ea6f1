package property

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

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

// world is one wallet over one migrated database, shared by every sequence of a run: the
// app's commands are called as the RPC ports call them, and events go through the wallet's
// real consumers (inbox, decoding, locking, handlers) without the NATS transport.
type world struct {
	app      app.Application
	admin    *gorm.DB                    // search_path wallet, for the checks
	handlers map[string]bus.BatchHandler // by stream
	mu       sync.Mutex
	tally    map[string]int // commands done and refused, by kind, for the run's summary
}

func (w *world) count(kind string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.tally[kind]++
}

// Limits the sequences run under: small, so that the daily limit and the minimum are hit.
var limits = domain.WithdrawalLimits{MinCents: 100, DailyCents: 2500}

func newWorld(t *testing.T) *world {
	t.Helper()
	env := wallettest.NewDatabase(t)
	env.Migrate(t)
	dsn, err := db.WithSearchPath(env.ServiceDSN, wallet.Name)
	if err != nil {
		t.Fatal(err)
	}
	gdb := testenv.Open(t, dsn)
	log := slog.New(slog.DiscardHandler) // ignored provider events are logged at error level by design
	cfg := app.Config{HoldTTL: time.Hour, Withdrawals: limits, DefaultCurrency: "EUR"}
	w := &world{app: app.New(adapters.NewStore(gdb), cfg, log), admin: env.Admin, handlers: map[string]bus.BatchHandler{},
		tally: map[string]int{}}
	batch := inbox.Transactor(gdb, func(tx *gorm.DB) app.Application { return app.New(adapters.Bind(tx), cfg, log) })
	for _, r := range ports.Routers(batch) {
		w.handlers[r.Spec().Stream] = r.Handler()
	}
	return w
}

// deliver hands ev to the wallet's consumer of its stream under message id, as JetStream
// would; an error is a failed delivery (the consumer would retry or dead-letter it).
func (w *world) deliver(ctx context.Context, id string, ev events.Event) error {
	data, err := events.Encode(ev)
	if err != nil {
		return err
	}
	typ := events.Type(ev.EventType())
	h, ok := w.handlers[typ.Stream()]
	if !ok {
		return fmt.Errorf("the wallet consumes nothing from stream %s", typ.Stream())
	}
	m := bus.Message{ID: id, Subject: ev.EventSubject(), Type: typ.String(), Source: typ.Source(), Data: data}
	return h(ctx, []bus.Delivery{{Message: m, NumDelivered: 1}})
}

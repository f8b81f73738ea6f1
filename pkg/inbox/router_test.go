package inbox_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/internal/eventtest"
	"tickup.dev/pkg/testenv"
)

// gadgetMade is a second test event type in the widget test stream.
type gadgetMade struct {
	SchemaVersion int    `json:"schema_version"`
	Gadget        string `json:"gadget"`
}

func (gadgetMade) EventType() string    { return "tickup.widgettest.gadget.made" }
func (gadgetMade) EventSubject() string { return "tickup.widgettest.gadget.made" }

// widgetRouter routes widget changes one at a time and gadgets as runs, writing what each
// handler saw in the order it saw it.
func widgetRouter(t *testing.T, env *eventtest.Env, durable string) *bus.Router[*gorm.DB] {
	t.Helper()
	if err := env.DB.Exec(`CREATE TABLE IF NOT EXISTS routed (n serial PRIMARY KEY, what text NOT NULL)`).Error; err != nil {
		t.Fatal(err)
	}
	r := bus.NewRouter(bus.ConsumerSpec{Stream: eventtest.Stream.Name, Durable: durable},
		inbox.Transactor(env.DB, func(tx *gorm.DB) *gorm.DB { return tx }))
	bus.On(r, func(ctx context.Context, tx *gorm.DB, e eventtest.WidgetChanged) error {
		ev, _ := bus.EventOf(ctx)
		return tx.Exec(`INSERT INTO routed (what) VALUES (?)`, fmt.Sprintf("widget %s#%d (%s)", e.Widget, e.Seq, ev.ID)).Error
	})
	bus.OnBatch(r, func(_ context.Context, tx *gorm.DB, gs []gadgetMade, _ []bus.Event) error {
		names := make([]string, len(gs))
		for i, g := range gs {
			names[i] = g.Gadget
		}
		return tx.Exec(`INSERT INTO routed (what) VALUES (?)`, "gadgets "+strings.Join(names, ",")).Error
	})
	return r
}

func routed(t *testing.T, env *eventtest.Env) []string {
	t.Helper()
	var out []string
	if err := env.DB.Raw(`SELECT what FROM routed ORDER BY n`).Scan(&out).Error; err != nil {
		t.Fatal(err)
	}
	return out
}

func deliveryOf(t *testing.T, id string, e events.Event) bus.Delivery {
	t.Helper()
	data, err := events.Encode(e)
	if err != nil {
		t.Fatal(err)
	}
	return bus.Delivery{Message: bus.Message{ID: id, Subject: e.EventSubject(), Type: e.EventType(), Data: data}, NumDelivered: 1}
}

func TestRouterRunsEveryEventOnceInDeliveryOrder(t *testing.T) {
	env := eventtest.New(t, "route_order")
	r := widgetRouter(t, env, "route-order")
	reg := prometheus.NewRegistry()
	metrics, err := bus.NewConsumerMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	r.Use(metrics.Middleware("route-order"))
	w := func(id string, seq int) bus.Delivery {
		return deliveryOf(t, id, eventtest.WidgetChanged{SchemaVersion: 1, Widget: "w", Seq: seq})
	}
	g := func(id, name string) bus.Delivery {
		return deliveryOf(t, id, gadgetMade{SchemaVersion: 1, Gadget: name})
	}
	batch := []bus.Delivery{w("m1", 1), g("m2", "a"), g("m3", "b"), w("m4", 2), g("m5", "c"), w("m1", 1)}
	for range 2 { // the second time every message was handled before
		if err := r.Handler()(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"widget w#1 (m1)", "gadgets a,b", "widget w#2 (m4)", "gadgets c"}
	if got := routed(t, env); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("handled %q, want %q: each event once, runs of one type together, in delivery order", got, want)
	}
	if n := testutil.ToFloat64(metrics.EventsCounter().WithLabelValues("route-order", "tickup.widgettest.gadget.made", "ok")); n != 6 {
		t.Errorf("gadget events counted %v, want 6 (3 per batch, 2 batches)", n)
	}
}

func TestRouterSpecFiltersTheRoutedTypes(t *testing.T) {
	r := bus.NewRouter(bus.ConsumerSpec{Durable: "spec", BatchSize: 7}, bus.Transactor[int](nil))
	bus.On(r, func(context.Context, int, events.PurchaseCreated) error { return nil })
	bus.On(r, func(context.Context, int, events.PurchaseFailed) error { return nil })
	spec := r.Spec()
	want := events.Filters(events.TypePurchaseCreated, events.TypePurchaseFailed)
	if spec.Stream != events.StreamAPI || strings.Join(spec.FilterSubjects, " ") != strings.Join(want, " ") || spec.BatchSize != 7 {
		t.Fatalf("spec %+v: want stream %s, filters %v and the given batch size", spec, events.StreamAPI, want)
	}
	for name, add := range map[string]func(){
		"a type routed twice":      func() { bus.On(r, func(context.Context, int, events.PurchaseCreated) error { return nil }) },
		"a type of another stream": func() { bus.On(r, func(context.Context, int, events.HoldPlaced) error { return nil }) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s was accepted", name)
				}
			}()
			add()
		}()
	}
}

func TestRouterRefusesUnknownAndUndecodableEventsAsPoison(t *testing.T) {
	env := eventtest.New(t, "route_poison")
	r := widgetRouter(t, env, "route-poison")
	unknown := deliveryOf(t, "u1", events.PurchaseCreated{SchemaVersion: 1})
	bad := bus.Delivery{Message: bus.Message{ID: "b1", Type: eventtest.WidgetChanged{}.EventType(), Data: []byte(`{"widget":"w"}`)}}
	good := deliveryOf(t, "g1", eventtest.WidgetChanged{SchemaVersion: 1, Widget: "w", Seq: 1})
	for _, d := range []bus.Delivery{unknown, bad} {
		err := r.Handler()(context.Background(), []bus.Delivery{good, d})
		if !bus.IsPoison(err) {
			t.Fatalf("%s: error %v, want poison", d.ID, err)
		}
	}
	if got := routed(t, env); len(got) != 0 {
		t.Fatalf("a batch refused as poison left effects %q; it must roll back whole", got)
	}
}

func TestRouterPoisonsOnlyTheErrorsItIsToldArePermanent(t *testing.T) {
	env := eventtest.New(t, "route_permanent")
	errBroken := errors.New("broken for good")
	r := bus.NewRouter(bus.ConsumerSpec{Stream: eventtest.Stream.Name, Durable: "route-permanent"},
		inbox.Transactor(env.DB, func(tx *gorm.DB) *gorm.DB { return tx }))
	bus.On(r, func(_ context.Context, _ *gorm.DB, e eventtest.WidgetChanged) error {
		if e.Seq == 1 {
			return fmt.Errorf("widget %s: %w", e.Widget, errBroken)
		}
		return errors.New("downstream unavailable")
	})
	r.Permanent(func(err error) bool { return errors.Is(err, errBroken) })
	for seq, poison := range map[int]bool{1: true, 2: false} {
		d := deliveryOf(t, fmt.Sprint("p", seq), eventtest.WidgetChanged{SchemaVersion: 1, Widget: "w", Seq: seq})
		if err := r.Handler()(context.Background(), []bus.Delivery{d}); err == nil || bus.IsPoison(err) != poison {
			t.Errorf("seq %d: error %v, poison %v, want poison %v", seq, err, bus.IsPoison(err), poison)
		}
	}
}

func TestRouterBatchFailingHalfwayIsRolledBackAndRedeliveredOnce(t *testing.T) {
	env := eventtest.New(t, "route_half")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := bus.NewRouter(bus.ConsumerSpec{Stream: eventtest.Stream.Name, Durable: "route-half",
		MaxWait: 200 * time.Millisecond, NakBase: 50 * time.Millisecond},
		inbox.Transactor(env.DB, func(tx *gorm.DB) *gorm.DB { return tx }))
	bus.On(r, func(ctx context.Context, tx *gorm.DB, e eventtest.WidgetChanged) error {
		ev, _ := bus.EventOf(ctx)
		if err := tx.Exec(`INSERT INTO effect (msg_id, widget, seq, delivered) VALUES (?, ?, ?, ?)`, ev.ID, e.Widget, e.Seq, ev.Delivered).Error; err != nil {
			return err
		}
		if e.Seq == 3 && ev.Delivered == 1 {
			return errors.New("downstream hiccup halfway through the batch")
		}
		return nil
	})
	if err := env.ChangeWidget(ctx, "w", 5); err != nil { // five events, one outbox commit
		t.Fatal(err)
	}
	env.StartRelay(t, env.Bus)
	spec := r.Spec()
	runConsumer(t, ctx, env, spec, r.Handler())
	testenv.WaitFor(t, 15*time.Second, "five effects", func() error {
		if n := countEffects(t, env); n < 5 {
			return fmt.Errorf("%d so far", n)
		}
		return nil
	})
	cancel()
	var rows []struct {
		Seq       int
		Delivered int
	}
	env.DB.Raw(`SELECT seq, delivered FROM effect ORDER BY seq`).Scan(&rows)
	if len(rows) != 5 {
		t.Fatalf("effects %+v, want exactly one per event", rows)
	}
	for _, row := range rows {
		if want := map[bool]int{true: 2, false: 1}[row.Seq == 3]; row.Delivered != want {
			t.Errorf("event %d took effect at delivery %d, want %d", row.Seq, row.Delivered, want)
		}
	}
}

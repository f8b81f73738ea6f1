package inbox_test

import (
	"context"
	"strings"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/internal/eventtest"
	"tickup.dev/pkg/outbox"
	"tickup.dev/pkg/tracing"
)

func TestRouterContinuesTheEventsTraceIntoTheEventsItWrites(t *testing.T) {
	rec := tracetest.NewInMemoryExporter()
	stop, err := tracing.Setup(context.Background(), config.Tracing{}, "test", sdktrace.NewSimpleSpanProcessor(rec))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stop(context.Background()) })
	env := eventtest.New(t, "route_trace")
	r := bus.NewRouter(bus.ConsumerSpec{Stream: eventtest.Stream.Name, Durable: "route-trace"},
		inbox.Transactor(env.DB, func(tx *gorm.DB) *gorm.DB { return tx }))
	bus.On(r, func(ctx context.Context, tx *gorm.DB, e eventtest.WidgetChanged) error {
		return outbox.Add(ctx, tx, e.Widget, eventtest.WidgetChanged{SchemaVersion: 1, Widget: e.Widget, Seq: e.Seq + 1})
	})
	const traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
	d := deliveryOf(t, "t1", eventtest.WidgetChanged{SchemaVersion: 1, Widget: "w", Seq: 1})
	d.Traceparent = "00-" + traceID + "-00f067aa0ba902b7-01"
	if err := r.Handler()(context.Background(), []bus.Delivery{d}); err != nil {
		t.Fatal(err)
	}
	var written string
	if err := env.DB.Raw(`SELECT traceparent FROM outbox`).Scan(&written).Error; err != nil {
		t.Fatal(err)
	}
	spans := rec.GetSpans()
	if len(spans) != 1 || spans[0].SpanContext.TraceID().String() != traceID || spans[0].Parent.SpanID().String() != "00f067aa0ba902b7" {
		t.Fatalf("spans %+v: want one consumer span, child of the event's", spans)
	}
	if want := "00-" + traceID + "-" + spans[0].SpanContext.SpanID().String() + "-01"; written != want {
		t.Fatalf("the event the handler wrote carries traceparent %q, want %q (the consumer span's)", written, want)
	}
	if !strings.HasPrefix(spans[0].Name, "consume ") {
		t.Errorf("span name %q", spans[0].Name)
	}
}

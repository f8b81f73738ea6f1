package e2e

import (
	"context"
	"net/http"
	"slices"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/testenv"
	"tickup.dev/pkg/tracing"
)

// TestOneTraceFollowsAPurchaseThroughEveryService sends a wallet purchase with a W3C
// traceparent and finds, in that one trace, the gateway's span and the consumer spans of
// every hop: the wallet placing the hold, the api confirming, ticketing issuing the ticket
// and the wallet capturing it. The gateway's log line for the request names the trace.
func TestOneTraceFollowsAPurchaseThroughEveryService(t *testing.T) {
	rec := tracetest.NewInMemoryExporter()
	stop, err := tracing.Setup(context.Background(), config.Tracing{}, "e2e", sdktrace.NewSimpleSpanProcessor(rec))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stop(context.Background()) })
	r := startRaffle(t, 1)
	pool := r.createPool(t, 2, nil)
	buyer, tok := newUser(t, roleUser)
	r.fund(t, buyer, rafflePrice)
	const traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
	resp := r.do(t, http.MethodPost, "/api/v1/purchases", tok, map[string]any{"pool_id": pool.PoolID, "payment_method": "wallet"},
		"traceparent", "00-"+traceID+"-00f067aa0ba902b7-01")
	var p Purchase
	resp.decode(t, http.StatusAccepted, &p)
	r.waitTicket(t, tok, pool.PoolID, p.PurchaseID)
	r.waitCaptured(t, buyer)
	want := []string{
		"POST /api/v1/purchases",
		"consume tickup.api.purchase.created",    // wallet: place the hold
		"consume tickup.wallet.hold.placed",      // api: confirm the purchase
		"consume tickup.api.purchase.confirmed",  // ticketing: issue the ticket
		"consume tickup.ticketing.ticket.issued", // wallet: capture (and api: record the ticket)
	}
	testenv.WaitFor(t, raffleWait, "every hop's span in the purchase's trace", func() error {
		var names []string
		for _, s := range rec.GetSpans() {
			if s.SpanContext.TraceID().String() == traceID {
				names = append(names, s.Name)
			}
		}
		for _, w := range want {
			if !slices.Contains(names, w) {
				return &missingSpan{name: w, got: names}
			}
		}
		return nil
	})
	if !r.logs.contains(`"trace_id":"` + traceID + `"`) {
		t.Errorf("no gateway log line names trace %s", traceID)
	}
}

type missingSpan struct {
	name string
	got  []string
}

func (m *missingSpan) Error() string {
	return "no span " + m.name + " in the trace; spans: " + joinNames(m.got)
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

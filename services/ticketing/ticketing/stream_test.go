package ticketing_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
)

// ticketEvent is a ticket event read back from the TICKETING stream.
type ticketEvent struct {
	Type string
	events.Ticket
}

// outcomeTypes are the events that settle a purchase.
var outcomeTypes = []events.Type{events.TypeTicketIssued, events.TypeTicketRejected, events.TypeTicketBoosted}

// read returns the stored messages of stream whose type is one of types, in stream order.
func (e *env) read(stream string, types ...events.Type) []jetstream.Msg {
	e.t.Helper()
	ctx := context.Background()
	cons, err := e.bus.JS.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{FilterSubjects: events.Filters(types...)})
	if err != nil {
		e.t.Fatalf("ordered consumer on %s: %v", stream, err)
	}
	info, err := cons.Info(ctx)
	if err != nil {
		e.t.Fatalf("consumer info: %v", err)
	}
	out := make([]jetstream.Msg, 0, info.NumPending)
	for uint64(len(out)) < info.NumPending {
		batch, err := cons.Fetch(int(min(info.NumPending-uint64(len(out)), 1000)), jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			e.t.Fatalf("fetch: %v", err)
		}
		for m := range batch.Messages() {
			out = append(out, m)
		}
		if err := batch.Error(); err != nil {
			e.t.Fatalf("fetch: %v", err)
		}
	}
	return out
}

// ticketEvents decodes the TICKETING stream's ticket events of the given types.
func (e *env) ticketEvents(types ...events.Type) []ticketEvent {
	e.t.Helper()
	var out []ticketEvent
	for _, m := range e.read(events.StreamTicketing, types...) {
		ev, err := events.Decode[events.TicketIssued](m.Data())
		if err != nil {
			e.t.Fatalf("decode %s: %v", m.Subject(), err)
		}
		out = append(out, ticketEvent{Type: m.Headers().Get("Ce-Type"), Ticket: events.Ticket(ev)})
	}
	return out
}

// waitOutcomes waits until n purchases have an outcome event, then returns them by
// purchase id; it fails if a purchase has two.
func (e *env) waitOutcomes(n int) map[string]ticketEvent {
	e.t.Helper()
	return e.waitOutcomesWithin(n, waitLimit)
}

// waitOutcomesWithin is waitOutcomes with its own deadline.
func (e *env) waitOutcomesWithin(n int, limit time.Duration) map[string]ticketEvent {
	e.t.Helper()
	var got []ticketEvent
	testenv.WaitFor(e.t, limit, fmt.Sprintf("%d purchase outcomes", n), func() error {
		got = e.ticketEvents(outcomeTypes...)
		if len(got) < n {
			return fmt.Errorf("%d outcome events so far", len(got))
		}
		return nil
	})
	byPurchase := map[string]ticketEvent{}
	for _, ev := range got {
		if prev, dup := byPurchase[ev.PurchaseID]; dup {
			e.t.Fatalf("purchase %s has two outcomes: %s and %s", ev.PurchaseID, prev.Type, ev.Type)
		}
		byPurchase[ev.PurchaseID] = ev
	}
	if len(got) != n {
		e.t.Fatalf("%d outcome events, want %d", len(got), n)
	}
	return byPurchase
}

// count runs a counting query on the admin connection.
func (e *env) count(query string, args ...any) int {
	e.t.Helper()
	var n int
	if err := e.db.Raw(query, args...).Row().Scan(&n); err != nil {
		e.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// testWaitEvents waits until stream holds n messages of the types.
func testWaitEvents(t *testing.T, e *env, stream string, n int, types ...events.Type) []jetstream.Msg {
	t.Helper()
	var got []jetstream.Msg
	testenv.WaitFor(t, waitLimit, fmt.Sprintf("%d %v events", n, types), func() error {
		got = e.read(stream, types...)
		if len(got) < n {
			return fmt.Errorf("%d so far", len(got))
		}
		return nil
	})
	if len(got) != n {
		t.Fatalf("%d %v events, want %d", len(got), types, n)
	}
	return got
}

// await waits until each purchase has its outcome event and returns them by purchase id;
// it fails if one of them has two.
func (e *env) await(ps ...events.PurchaseConfirmed) map[string]ticketEvent {
	e.t.Helper()
	want := map[string]bool{}
	for _, p := range ps {
		want[p.PurchaseID] = true
	}
	got := map[string]ticketEvent{}
	testenv.WaitFor(e.t, waitLimit, fmt.Sprintf("outcomes of %d purchases", len(ps)), func() error {
		clear(got)
		for _, ev := range e.ticketEvents(outcomeTypes...) {
			if !want[ev.PurchaseID] {
				continue
			}
			if _, dup := got[ev.PurchaseID]; dup {
				e.t.Fatalf("purchase %s has two outcomes", ev.PurchaseID)
			}
			got[ev.PurchaseID] = ev
		}
		if len(got) < len(want) {
			return fmt.Errorf("%d of %d", len(got), len(want))
		}
		return nil
	})
	return got
}

package bus

import (
	"context"
	"errors"
	"fmt"

	"tickup.dev/pkg/contract/events"
)

// Transactor runs the work of one batch as a unit: in one transaction it claims the
// batch's message ids for the consumer in the inbox, then calls fn with the service's unit
// of work and the ids not handled before. An error from fn rolls everything back, claims
// included, so a retried message runs again. pkg/inbox implements it over gorm.
type Transactor[U any] interface {
	Atomically(ctx context.Context, consumer string, ids []string,
		fn func(ctx context.Context, u U, fresh map[string]bool) error) error
}

// Router is one durable consumer: it routes each fetched event, by type, to the handler
// registered for it. Decoding, inbox claims, the transaction, batching and metrics are
// its job (middleware around the handlers), so a handler is only the effect of one event:
// func(ctx, unit of work, event) error.
type Router[U any] struct {
	spec      ConsumerSpec
	tx        Transactor[U]
	routes    map[string]route[U]
	types     []events.Type
	prepare   func(ctx context.Context, u U, batch []Event) error
	permanent func(error) bool
	mw        []Middleware
}

// Middleware wraps the handling of a whole batch (metrics, tracing, logging).
type Middleware func(next BatchHandler) BatchHandler

// Event is a decoded event with its envelope, as BeforeEach and OnBatch handlers see it.
type Event struct {
	Message
	Delivered uint64 // 1 on the first delivery
	Payload   events.Event
}

// route runs a run of consecutive events of one type.
type route[U any] struct {
	decode func(data []byte) (events.Event, error)
	run    func(ctx context.Context, u U, run []Event) error
}

// NewRouter returns a router for the durable consumer spec.Durable. Its stream and filter
// subjects come from the event types registered with On and OnBatch; spec's other fields
// (batch size, ack wait, retries) are used as given.
func NewRouter[U any](spec ConsumerSpec, tx Transactor[U]) *Router[U] {
	return &Router[U]{spec: spec, tx: tx, routes: map[string]route[U]{}}
}

// On routes events of E's type to h, one event at a time, in delivery order.
func On[E events.Event, U any](r *Router[U], h func(ctx context.Context, u U, e E) error) {
	addRoute[E](r, func(ctx context.Context, u U, run []Event) error {
		for _, ev := range run {
			ctx, span := startSpan(ctx, r.spec.Durable, run[:1], ev)
			err := h(withEvent(ctx, ev), u, ev.Payload.(E))
			endSpan(span, err)
			if err != nil {
				return fmt.Errorf("%s %s: %w", ev.Type, ev.ID, err)
			}
		}
		return nil
	})
}

// OnBatch routes events of E's type to h a run at a time: every fresh event of the batch
// that arrived in a row, in order, in one call — for handlers that do one statement for
// many events.
func OnBatch[E events.Event, U any](r *Router[U], h func(ctx context.Context, u U, es []E, envs []Event) error) {
	addRoute[E](r, func(ctx context.Context, u U, run []Event) error {
		es := make([]E, len(run))
		for i, ev := range run {
			es[i] = ev.Payload.(E)
		}
		ctx, span := startSpan(ctx, r.spec.Durable, run, run[0])
		err := h(ctx, u, es, run)
		endSpan(span, err)
		if err != nil {
			return fmt.Errorf("%d × %s from %s: %w", len(run), run[0].Type, run[0].ID, err)
		}
		return nil
	})
}

func addRoute[E events.Event, U any](r *Router[U], run func(context.Context, U, []Event) error) {
	var zero E
	t := events.Type(zero.EventType())
	if _, dup := r.routes[t.String()]; dup {
		panic(fmt.Sprintf("bus: %s routed twice in %s", t, r.spec.Durable))
	}
	if len(r.types) > 0 && r.types[0].Stream() != t.Stream() {
		panic(fmt.Sprintf("bus: %s is in stream %s, not %s like the rest of %s", t, t.Stream(), r.types[0].Stream(), r.spec.Durable))
	}
	decode := func(data []byte) (events.Event, error) { return events.Decode[E](data) }
	r.routes[t.String()] = route[U]{decode: decode, run: run}
	r.types = append(r.types, t)
}

// BeforeEach runs fn on every batch's fresh events before their handlers, in the same unit
// of work: for locks a batch must take in a fixed order (so concurrent batches cannot
// deadlock).
func (r *Router[U]) BeforeEach(fn func(ctx context.Context, u U, batch []Event) error) {
	r.prepare = fn
}

// Permanent says which handler errors no retry can fix: their message goes to the DLQ at
// once instead of after MaxDeliver attempts.
func (r *Router[U]) Permanent(is func(error) bool) { r.permanent = is }

// Use adds middleware around the handling of every batch; the first added is outermost.
func (r *Router[U]) Use(mw ...Middleware) { r.mw = append(r.mw, mw...) }

// Spec is the consumer's spec with the filter subjects of the routed types, and their
// stream unless the spec names one.
func (r *Router[U]) Spec() ConsumerSpec {
	s := r.spec
	if len(r.types) > 0 {
		s.FilterSubjects = events.Filters(r.types...)
		if s.Stream == "" {
			s.Stream = r.types[0].Stream()
		}
	}
	return s
}

// Durable is the consumer's durable name.
func (r *Router[U]) Durable() string { return r.spec.Durable }

// Handler is the batch handler the consume loop calls: the middleware around the router.
func (r *Router[U]) Handler() BatchHandler {
	var h BatchHandler = r.handle
	for i := len(r.mw) - 1; i >= 0; i-- {
		h = r.mw[i](h)
	}
	return h
}

var errNoRoutes = errors.New("bus: router has no routes")

package bus

import (
	"context"
	"fmt"
)

// handle runs one batch in one unit of work: claim, decode, BeforeEach, then each run of
// same-type events through its route, in delivery order.
func (r *Router[U]) handle(ctx context.Context, batch []Delivery) error {
	if len(r.routes) == 0 {
		return errNoRoutes
	}
	ids := make([]string, len(batch))
	for i, d := range batch {
		ids[i] = d.ID
	}
	return r.tx.Atomically(ctx, r.spec.Durable, ids, func(ctx context.Context, u U, fresh map[string]bool) error {
		evs, err := r.decode(batch, fresh)
		if err != nil {
			return err
		}
		if r.prepare != nil && len(evs) > 0 {
			if err := r.prepare(ctx, u, evs); err != nil {
				return r.classify(err)
			}
		}
		for len(evs) > 0 {
			n := sameType(evs)
			if err := r.routes[evs[0].Type].run(ctx, u, evs[:n]); err != nil {
				return r.classify(fmt.Errorf("%s: %w", r.spec.Durable, err))
			}
			evs = evs[n:]
		}
		return nil
	})
}

// decode turns the fresh messages into events, each message id once. A type with no route
// or a payload that cannot be decoded is poison: no retry can change it.
func (r *Router[U]) decode(batch []Delivery, fresh map[string]bool) ([]Event, error) {
	out := make([]Event, 0, len(batch))
	for _, d := range batch {
		if !fresh[d.ID] {
			continue
		}
		delete(fresh, d.ID) // the same id twice in one batch is handled once
		rt, ok := r.routes[d.Type]
		if !ok {
			return nil, Poison(fmt.Errorf("%s: no handler for event type %q on %s", r.spec.Durable, d.Type, d.Subject))
		}
		p, err := rt.decode(d.Data)
		if err != nil {
			return nil, Poison(fmt.Errorf("%s: decode %s %s: %w", r.spec.Durable, d.Type, d.ID, err))
		}
		out = append(out, Event{Message: d.Message, Delivered: d.NumDelivered, Payload: p})
	}
	return out, nil
}

func (r *Router[U]) classify(err error) error {
	if r.permanent != nil && r.permanent(err) {
		return Poison(err)
	}
	return err
}

// sameType counts the events at the head of evs that share the first one's type.
func sameType(evs []Event) int {
	n := 1
	for n < len(evs) && evs[n].Type == evs[0].Type {
		n++
	}
	return n
}

type eventKey struct{}

func withEvent(ctx context.Context, ev Event) context.Context {
	return context.WithValue(ctx, eventKey{}, ev)
}

// EventOf returns the event an On handler is handling, with its envelope (id, time, trace
// context, delivery count); ok is false outside one.
func EventOf(ctx context.Context) (ev Event, ok bool) {
	ev, ok = ctx.Value(eventKey{}).(Event)
	return ev, ok
}

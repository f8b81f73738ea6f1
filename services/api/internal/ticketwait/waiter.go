// Package ticketwait lets a request wait for ticketing's decision on a purchase without
// polling: every gateway replica listens to the ticket events on NATS (a plain subscription:
// each replica hears each event) and wakes the requests waiting for that purchase.
package ticketwait

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/contract/events"
)

// Waiter wakes the requests waiting for a purchase's ticket decision.
type Waiter struct {
	mu      sync.Mutex
	waiting map[string]map[chan struct{}]struct{} // purchase id → its waiters
	subs    []*nats.Subscription
}

// Listen subscribes to the ticket decisions (issued, boosted, rejected) on nc.
func Listen(nc *nats.Conn, log *slog.Logger) (*Waiter, error) {
	w := &Waiter{waiting: map[string]map[chan struct{}]struct{}{}}
	for _, t := range []events.Type{events.TypeTicketIssued, events.TypeTicketBoosted, events.TypeTicketRejected} {
		sub, err := nc.Subscribe(t.Filter(), func(m *nats.Msg) {
			e, err := events.Decode[events.TicketIssued](m.Data) // the three share one payload
			if err != nil {
				log.Warn("ticket event not understood; its waiters will time out", "subject", m.Subject, "err", err)
				return
			}
			w.wake(e.PurchaseID)
		})
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("listen to %s: %w", t, err)
		}
		w.subs = append(w.subs, sub)
	}
	return w, nil
}

// Close stops listening.
func (w *Waiter) Close() {
	for _, s := range w.subs {
		_ = s.Unsubscribe()
	}
}

// Wait calls decided until it says the purchase is decided, errs, or ctx ends, calling it
// again each time a ticket event names the purchase. It listens before the first call, so
// a decision landing between the call and the wait is not missed. It reports whether the
// purchase was decided.
func (w *Waiter) Wait(ctx context.Context, purchaseID string, decided func() (bool, error)) (bool, error) {
	ch := w.listen(purchaseID)
	defer w.forget(purchaseID, ch)
	for {
		done, err := decided()
		if done || err != nil {
			return done, err
		}
		select {
		case <-ctx.Done():
			return false, nil
		case <-ch:
		}
	}
}

func (w *Waiter) listen(purchaseID string) chan struct{} {
	ch := make(chan struct{}, 1)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.waiting[purchaseID] == nil {
		w.waiting[purchaseID] = map[chan struct{}]struct{}{}
	}
	w.waiting[purchaseID][ch] = struct{}{}
	return ch
}

func (w *Waiter) forget(purchaseID string, ch chan struct{}) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.waiting[purchaseID], ch)
	if len(w.waiting[purchaseID]) == 0 {
		delete(w.waiting, purchaseID)
	}
}

func (w *Waiter) wake(purchaseID string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for ch := range w.waiting[purchaseID] {
		select {
		case ch <- struct{}{}:
		default: // already signalled; it will re-check
		}
	}
}

package realtime

import "context"

// Subscription receives the hub's events of one routing key.
type Subscription struct {
	hub    *Hub
	key    string
	events chan Event
	lost   chan struct{} // closed when the hub drops the subscription or shuts down
}

// Subscribe registers a subscription for key once the hub follows every stream.
func (h *Hub) Subscribe(ctx context.Context, key string) (*Subscription, error) {
	select {
	case <-h.ready:
	case <-h.done:
		return nil, ErrClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, ErrClosed
	}
	s := &Subscription{hub: h, key: key, events: make(chan Event, subscriptionBuffer), lost: make(chan struct{})}
	if h.subs[key] == nil {
		h.subs[key] = map[*Subscription]struct{}{}
	}
	h.subs[key][s] = struct{}{}
	return s, nil
}

// Events delivers the subscription's events in stream order.
func (s *Subscription) Events() <-chan Event { return s.events }

// Lost is closed when the subscription ended on the hub's side.
func (s *Subscription) Lost() <-chan struct{} { return s.lost }

// Close ends the subscription; it is safe to call more than once.
func (s *Subscription) Close() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	s.hub.dropLocked(s)
}

// dispatch hands e to the subscriptions of its keys, dropping those that are full.
func (h *Hub) dispatch(e Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, k := range e.keys {
		for s := range h.subs[k] {
			select {
			case s.events <- e:
			default:
				h.dropLocked(s)
			}
		}
	}
}

// dropLocked removes s and tells its reader; the caller holds h.mu.
func (h *Hub) dropLocked(s *Subscription) {
	subs, ok := h.subs[s.key]
	if _, live := subs[s]; !ok || !live {
		return
	}
	delete(subs, s)
	if len(subs) == 0 {
		delete(h.subs, s.key)
	}
	close(s.lost)
}

// shutdown ends every subscription and refuses new ones.
func (h *Hub) shutdown() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	for _, subs := range h.subs {
		for s := range subs {
			h.dropLocked(s)
		}
	}
	close(h.done)
}

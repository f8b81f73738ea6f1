package realtime

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// ErrClosed is returned by Subscribe once the hub has shut down.
var ErrClosed = errors.New("realtime: hub is shut down")

// Defaults of a Hub.
const (
	subscriptionBuffer = 256
	restartDelay       = time.Second
)

// Hub follows the streams from the moment it starts and fans each event out to the
// subscriptions of its routing keys. A subscription that cannot keep up is dropped; its
// client reconnects with Last-Event-ID and catches up through a replay.
type Hub struct {
	js     jetstream.JetStream
	log    *slog.Logger
	mu     sync.Mutex
	subs   map[string]map[*Subscription]struct{}
	closed bool
	ready  chan struct{} // closed once every stream is followed
	done   chan struct{} // closed at shutdown
}

// NewHub returns a hub over js; Run starts it.
func NewHub(js jetstream.JetStream, log *slog.Logger) *Hub {
	return &Hub{js: js, log: log, subs: map[string]map[*Subscription]struct{}{},
		ready: make(chan struct{}), done: make(chan struct{})}
}

// Run follows the streams until ctx is cancelled, then ends every subscription, which ends
// the SSE responses (http.Server.Shutdown would wait for them forever).
func (h *Hub) Run(ctx context.Context) error {
	defer h.shutdown()
	feeds := feeds()
	start, err := h.startPositions(ctx, feeds)
	if err != nil {
		return nil // cancelled while waiting for NATS
	}
	var wg sync.WaitGroup
	for stream, filters := range feeds {
		wg.Go(func() { h.follow(ctx, stream, filters, start[stream]+1) })
	}
	close(h.ready)
	<-ctx.Done()
	h.shutdown() // end the streams now; the followers stop on their own
	wg.Wait()
	return nil
}

// startPositions reads where the streams end, retrying until NATS answers or ctx ends.
func (h *Hub) startPositions(ctx context.Context, feeds map[string][]string) (map[string]uint64, error) {
	streams := make([]string, 0, len(feeds))
	for s := range feeds {
		streams = append(streams, s)
	}
	for {
		pos, err := h.Positions(ctx, streams)
		if err == nil {
			return pos, nil
		}
		h.log.WarnContext(ctx, "realtime: streams unavailable; retrying", "err", err)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(restartDelay):
		}
	}
}

// Positions returns the last sequence of each stream.
func (h *Hub) Positions(ctx context.Context, streams []string) (map[string]uint64, error) {
	out := make(map[string]uint64, len(streams))
	for _, name := range streams {
		s, err := h.js.Stream(ctx, name)
		if err != nil {
			return nil, fmt.Errorf("stream %s: %w", name, err)
		}
		out[name] = s.CachedInfo().State.LastSeq
	}
	return out, nil
}

// follow delivers stream's events from sequence next on, restarting after failures.
func (h *Hub) follow(ctx context.Context, stream string, filters []string, next uint64) {
	for {
		err := h.consume(ctx, stream, filters, &next)
		if ctx.Err() != nil {
			return
		}
		h.log.WarnContext(ctx, "realtime: following stream failed; restarting", "stream", stream, "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(restartDelay):
		}
	}
}

// consume reads stream through an ordered consumer (which survives reconnects on its own)
// and advances next past each event.
func (h *Hub) consume(ctx context.Context, stream string, filters []string, next *uint64) error {
	cons, err := h.js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{
		FilterSubjects: filters, DeliverPolicy: jetstream.DeliverByStartSequencePolicy, OptStartSeq: *next,
	})
	if err != nil {
		return fmt.Errorf("ordered consumer: %w", err)
	}
	it, err := cons.Messages()
	if err != nil {
		return fmt.Errorf("messages: %w", err)
	}
	defer it.Stop()
	for {
		msg, err := it.Next(jetstream.NextContext(ctx))
		if err != nil {
			return fmt.Errorf("next message: %w", err)
		}
		meta, err := msg.Metadata()
		if err != nil {
			continue
		}
		*next = meta.Sequence.Stream + 1
		h.dispatch(newEvent(stream, meta.Sequence.Stream, msg.Subject(), msg.Headers(), msg.Data()))
	}
}

package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// fetchRetryDelay spaces fetch attempts while the server or the consumer is unavailable.
const fetchRetryDelay = time.Second

// Delivery is a received message with its delivery count.
type Delivery struct {
	Message
	NumDelivered uint64 // 1 on the first delivery
	msg          jetstream.Msg
}

// BatchHandler processes messages. Returning nil acknowledges all of them; an error sends
// a batch back one message at a time, and a single message to retry or the DLQ.
type BatchHandler func(ctx context.Context, batch []Delivery) error

// consumer runs one Consume loop.
type consumer struct {
	conn   *Conn
	spec   ConsumerSpec
	handle BatchHandler
	pull   jetstream.Consumer
	log    *slog.Logger
}

// Consume ensures the durable consumer of spec exists, then fetches and handles batches
// until ctx is done. Replicas calling Consume on the same durable share the messages.
// Cancelling ctx lets the batch in hand finish (acks included); Consume then returns nil.
func (c *Conn) Consume(ctx context.Context, spec ConsumerSpec, h BatchHandler) error {
	if h == nil {
		return errors.New("consume: nil handler")
	}
	spec = spec.withDefaults()
	pull, err := c.ensureConsumer(ctx, spec)
	if err != nil {
		return fmt.Errorf("consume: %w", err)
	}
	w := &consumer{conn: c, spec: spec, handle: h, pull: pull,
		log: c.log.With("stream", spec.Stream, "consumer", spec.Durable)}
	for ctx.Err() == nil {
		batch, err := w.fetch()
		if err != nil {
			w.log.Warn("fetch failed", "err", err)
		}
		if len(batch) > 0 {
			w.process(context.WithoutCancel(ctx), batch)
		} else if err != nil {
			pause(ctx, fetchRetryDelay)
		}
	}
	return nil
}

// fetch takes what is waiting, up to BatchSize, without delay; if nothing is, it waits up
// to MaxWait for a first message and then takes whatever arrived along with it.
func (w *consumer) fetch() ([]Delivery, error) {
	batch, err := w.fetchNoWait(w.spec.BatchSize)
	if len(batch) > 0 || err != nil {
		return batch, err
	}
	mb, err := w.pull.Fetch(1, jetstream.FetchMaxWait(w.spec.MaxWait))
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	first, err := collect(mb)
	if len(first) == 0 || err != nil || w.spec.BatchSize == 1 {
		return first, err
	}
	rest, err := w.fetchNoWait(w.spec.BatchSize - 1)
	return append(first, rest...), err
}

func (w *consumer) fetchNoWait(n int) ([]Delivery, error) {
	mb, err := w.pull.FetchNoWait(n)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	return collect(mb)
}

// collect drains a fetch result; messages received before an error are still returned.
func collect(mb jetstream.MessageBatch) ([]Delivery, error) {
	var out []Delivery
	for m := range mb.Messages() {
		out = append(out, deliveryFrom(m))
	}
	if err := mb.Error(); err != nil {
		return out, fmt.Errorf("fetch: %w", err)
	}
	return out, nil
}

func deliveryFrom(m jetstream.Msg) Delivery {
	d := Delivery{Message: messageFrom(m.Subject(), m.Headers(), m.Data()), msg: m}
	if meta, err := m.Metadata(); err == nil {
		d.NumDelivered = meta.NumDelivered
		if d.ID == "" { // not published through Publish: the stream position is unique
			d.ID = fmt.Sprintf("%s:%d", meta.Stream, meta.Sequence.Stream)
		}
	}
	return d
}

// pause waits for d or until ctx is done.
func pause(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

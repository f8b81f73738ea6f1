package bus

import (
	"context"
	"fmt"
	"time"

	"tickup.dev/pkg/tracing"
)

// ackTimeout bounds the flush that confirms acks reached the server.
const ackTimeout = 5 * time.Second

// process hands the batch to the handler whole, falling back to one message at a time
// when it fails, so one bad message cannot hold back the others.
func (w *consumer) process(ctx context.Context, batch []Delivery) {
	if len(batch) > 1 {
		err := w.call(ctx, batch)
		if err == nil {
			w.ack(ctx, batch...)
			return
		}
		w.log.Warn("batch failed, retrying one by one", "size", len(batch), "err", err)
		for _, d := range batch {
			_ = d.msg.InProgress() // restart AckWait: the singles may take a while
		}
	}
	for _, d := range batch {
		w.processOne(ctx, d)
	}
}

func (w *consumer) processOne(ctx context.Context, d Delivery) {
	err := w.call(ctx, []Delivery{d})
	switch {
	case err == nil:
		w.ack(ctx, d)
	case IsPoison(err), d.NumDelivered >= uint64(w.spec.MaxDeliver):
		w.deadLetter(ctx, d, err)
	default:
		w.retry(ctx, d, err)
	}
}

// call runs the handler, turning a panic into an ordinary (retryable) error.
func (w *consumer) call(ctx context.Context, batch []Delivery) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("handler panic: %v", r)
		}
	}()
	return w.handle(ctx, batch)
}

// ack acknowledges the deliveries, then flushes so the acks reach the server before the
// next fetch; a lost ack only causes a redelivery, which the inbox absorbs.
func (w *consumer) ack(ctx context.Context, ds ...Delivery) {
	for _, d := range ds {
		if err := d.msg.Ack(); err != nil {
			w.log.Warn("ack failed", "id", d.ID, "subject", d.Subject, "err", err)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	if err := w.conn.NC.FlushWithContext(ctx); err != nil {
		w.log.Warn("flush acks failed", "count", len(ds), "err", err)
	}
}

// retry asks for a redelivery after a delay that doubles with every delivery.
func (w *consumer) retry(ctx context.Context, d Delivery, err error) {
	delay := nakDelay(w.spec.NakBase, d.NumDelivered)
	w.log.WarnContext(tracing.Extract(ctx, d.Traceparent), "message failed, will retry", "id", d.ID, "subject", d.Subject,
		"deliveries", d.NumDelivered, "max_deliver", w.spec.MaxDeliver, "delay", delay, "err", err)
	if nerr := d.msg.NakWithDelay(delay); nerr != nil {
		w.log.Warn("nak failed; redelivery after ack wait", "id", d.ID, "err", nerr)
	}
}

// nakDelay is base * 2^(delivered-1), capped at maxNakDelay.
func nakDelay(base time.Duration, delivered uint64) time.Duration {
	delay := base
	for i := uint64(1); i < delivered && delay < maxNakDelay; i++ {
		delay *= 2
	}
	return min(delay, maxNakDelay)
}

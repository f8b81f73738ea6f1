package realtime

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Replay tuning.
const (
	replayBatch   = 256
	replayMaxWait = 5 * time.Second
)

// errReplayStalled reports a replay that stopped receiving what the stream holds.
var errReplayStalled = errors.New("replay stalled")

// ReplayRange is what a replay reads: the events of Stream matching Filters with sequences
// in (From, To], stored at or after Since.
type ReplayRange struct {
	Stream   string
	Filters  []string
	From, To uint64
	Since    time.Time
}

// Replay calls fn for the events of r, in order, through a short-lived consumer of its own.
func (h *Hub) Replay(ctx context.Context, r ReplayRange, fn func(Event) error) error {
	stream, from, to := r.Stream, r.From, r.To
	if from >= to || len(r.Filters) == 0 {
		return nil
	}
	cons, err := h.js.CreateConsumer(ctx, stream, jetstream.ConsumerConfig{
		FilterSubjects: r.Filters, DeliverPolicy: jetstream.DeliverByStartSequencePolicy, OptStartSeq: from + 1,
		AckPolicy: jetstream.AckNonePolicy, InactiveThreshold: time.Minute, MemoryStorage: true,
	})
	if err != nil {
		return fmt.Errorf("replay %s: consumer: %w", stream, err)
	}
	info := cons.CachedInfo()
	defer h.js.DeleteConsumer(context.WithoutCancel(ctx), stream, info.Name) //nolint:errcheck // the inactive threshold removes it anyway
	for pending := info.NumPending; pending > 0; {
		batch, err := cons.Fetch(int(min(pending, replayBatch)), jetstream.FetchMaxWait(replayMaxWait))
		if err != nil {
			return fmt.Errorf("replay %s: fetch: %w", stream, err)
		}
		got := 0
		for msg := range batch.Messages() {
			got++
			meta, err := msg.Metadata()
			if err != nil || meta.Sequence.Stream > to {
				return err
			}
			if !meta.Timestamp.Before(r.Since) {
				if err := fn(newEvent(stream, meta.Sequence.Stream, msg.Subject(), msg.Headers(), msg.Data())); err != nil {
					return err
				}
			}
			if pending = meta.NumPending; meta.Sequence.Stream == to {
				return nil
			}
		}
		if err := batch.Error(); err != nil {
			return fmt.Errorf("replay %s: %w", stream, err)
		}
		if got == 0 {
			return fmt.Errorf("replay %s: %w", stream, errReplayStalled)
		}
	}
	return nil
}

package bus

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/contract/events"
)

// DeadLetter is one message parked in the DLQ stream, as the consumer that gave up on it
// described it (the Tickup-* headers deadLetter writes).
type DeadLetter struct {
	Seq        uint64    // its position in the DLQ stream: the id replay takes
	At         time.Time // when it was dead-lettered
	Consumer   string    // the durable that gave up on it
	Subject    string    // the subject it was published on
	ID         string    // its message id, the key the consumers' inboxes know it by
	Type       string    // CloudEvents type
	EventTime  time.Time // when the event happened (Ce-Time); zero when not recorded
	Deliveries uint64    // how many times the consumer tried it
	Reason     string    // the last error
	ReplayOf   string    // set when it failed again after a replay: the replayed dead letter
}

// DeadLetters lists the DLQ stream, oldest first.
func (c *Conn) DeadLetters(ctx context.Context) ([]DeadLetter, error) {
	s, err := c.JS.Stream(ctx, events.StreamDLQ)
	if err != nil {
		return nil, fmt.Errorf("dlq stream: %w", err)
	}
	var out []DeadLetter
	for seq := uint64(1); ; {
		raw, err := s.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(events.DLQFilter))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read dlq from %d: %w", seq, err)
		}
		out = append(out, deadLetterFrom(raw))
		seq = raw.Sequence + 1
	}
}

// DeadLetter returns the dead letter at seq in the DLQ stream.
func (c *Conn) DeadLetter(ctx context.Context, seq uint64) (DeadLetter, error) {
	raw, err := c.deadLetterMsg(ctx, seq)
	if err != nil {
		return DeadLetter{}, err
	}
	return deadLetterFrom(raw), nil
}

// ErrNoDeadLetter says the DLQ stream holds nothing at a sequence: never there, already
// replayed, or expired.
var ErrNoDeadLetter = errors.New("no such dead letter (replayed already, expired or never there)")

func (c *Conn) deadLetterMsg(ctx context.Context, seq uint64) (*jetstream.RawStreamMsg, error) {
	s, err := c.JS.Stream(ctx, events.StreamDLQ)
	if err != nil {
		return nil, fmt.Errorf("dlq stream: %w", err)
	}
	raw, err := s.GetMsg(ctx, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil, fmt.Errorf("dead letter %d: %w", seq, ErrNoDeadLetter)
	}
	if err != nil {
		return nil, fmt.Errorf("read dead letter %d: %w", seq, err)
	}
	return raw, nil
}

func deadLetterFrom(raw *jetstream.RawStreamMsg) DeadLetter {
	h := raw.Header
	deliveries, _ := strconv.ParseUint(h.Get(HeaderDeliveries), 10, 64)
	eventTime, _ := time.Parse(time.RFC3339Nano, h.Get(HeaderTime))
	return DeadLetter{
		Seq:        raw.Sequence,
		At:         raw.Time,
		Consumer:   h.Get(HeaderConsumer),
		Subject:    h.Get(HeaderOriginalSubject),
		ID:         h.Get(HeaderOriginalMsgID),
		Type:       h.Get(HeaderType),
		EventTime:  eventTime,
		Deliveries: deliveries,
		Reason:     h.Get(HeaderDLQReason),
		ReplayOf:   h.Get(HeaderReplayOf),
	}
}

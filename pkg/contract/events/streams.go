package events

import "time"

// Stream describes a JetStream stream: its name, the subjects it captures and how much it
// keeps (zero: no limit).
type Stream struct {
	Name     string
	Subjects []string
	MaxAge   time.Duration // messages older than this are removed
	MaxBytes int64         // the stream's size; when full, publishing fails (the outbox retries)
	Replicas int           // copies on a NATS cluster (0 or 1: one); its consumers inherit it
}

// Stream names, one per producer plus the dead-letter stream.
const (
	StreamAPI       = "API"
	StreamTicketing = "TICKETING"
	StreamWallet    = "WALLET"
	StreamDraw      = "DRAW"
	StreamDLQ       = "DLQ"
)

// Retention bounds what the streams keep: the event streams alike, the DLQ on its own
// (longer, since its messages wait for an operator).
type Retention struct {
	MaxAge      time.Duration
	MaxBytes    int64
	DLQMaxAge   time.Duration
	DLQMaxBytes int64
	Replicas    int // copies of every stream on a NATS cluster (0 or 1: one)
}

// DefaultRetention keeps events a week (as long as consumers keep their inbox rows, so a
// redelivery can never outlive its dedupe row) in at most 1 GiB per stream, and dead
// letters 30 days in at most 256 MiB.
func DefaultRetention() Retention {
	return Retention{MaxAge: 7 * 24 * time.Hour, MaxBytes: 1 << 30, DLQMaxAge: 30 * 24 * time.Hour, DLQMaxBytes: 256 << 20}
}

// Streams lists every stream Tickup needs, with the default retention.
func Streams() []Stream {
	return StreamsWith(DefaultRetention())
}

// StreamsWith lists every stream Tickup needs, bounded by r; services create them
// idempotently at start-up.
func StreamsWith(r Retention) []Stream {
	stream := func(name, producer string) Stream {
		return Stream{Name: name, Subjects: []string{Root + "." + producer + ".>"}, MaxAge: r.MaxAge, MaxBytes: r.MaxBytes,
			Replicas: r.Replicas}
	}
	return []Stream{
		stream(StreamAPI, ProducerAPI),
		stream(StreamTicketing, ProducerTicketing),
		stream(StreamWallet, ProducerWallet),
		stream(StreamDraw, ProducerDraw),
		{Name: StreamDLQ, Subjects: []string{DLQFilter}, MaxAge: r.DLQMaxAge, MaxBytes: r.DLQMaxBytes, Replicas: r.Replicas},
	}
}

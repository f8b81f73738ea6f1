package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Consumer defaults (docs/architecture.md, "Events").
const (
	defaultAckWait    = 30 * time.Second
	defaultMaxDeliver = 8
	defaultBatchSize  = 100
	defaultMaxWait    = time.Second
	defaultNakBase    = 200 * time.Millisecond
	maxNakDelay       = 30 * time.Second
)

// ConsumerSpec describes a durable pull consumer and how Consume drives it. Zero
// values take the defaults noted on each field.
type ConsumerSpec struct {
	Stream         string
	Durable        string        // shared by every replica of the consuming service
	FilterSubjects []string      // empty means the whole stream
	AckWait        time.Duration // default 30s
	MaxDeliver     int           // default 8; the last delivery that fails goes to the DLQ
	BatchSize      int           // default 100
	MaxWait        time.Duration // how long one fetch waits for a first message; default 1s
	NakBase        time.Duration // first retry delay, doubled per delivery; default 200ms
}

func (s ConsumerSpec) withDefaults() ConsumerSpec {
	s.AckWait = orDefault(s.AckWait, defaultAckWait)
	s.MaxDeliver = orDefault(s.MaxDeliver, defaultMaxDeliver)
	s.BatchSize = orDefault(s.BatchSize, defaultBatchSize)
	s.MaxWait = orDefault(s.MaxWait, defaultMaxWait)
	s.NakBase = orDefault(s.NakBase, defaultNakBase)
	return s
}

// orDefault returns v, or def when v is not positive.
func orDefault[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

func (s ConsumerSpec) config() jetstream.ConsumerConfig {
	cfg := jetstream.ConsumerConfig{
		Durable:       s.Durable,
		AckPolicy:     jetstream.AckExplicitPolicy,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		AckWait:       s.AckWait,
		MaxDeliver:    s.MaxDeliver,
	}
	// The server stores a single filter as FilterSubject; match it so updates are no-ops.
	if len(s.FilterSubjects) == 1 {
		cfg.FilterSubject = s.FilterSubjects[0]
	} else {
		cfg.FilterSubjects = s.FilterSubjects
	}
	return cfg
}

// EnsureConsumer creates or updates the durable pull consumer described by spec.
// It is idempotent; replicas of a service may call it concurrently.
func (c *Conn) EnsureConsumer(ctx context.Context, spec ConsumerSpec) error {
	_, err := c.ensureConsumer(ctx, spec.withDefaults())
	return err
}

func (c *Conn) ensureConsumer(ctx context.Context, spec ConsumerSpec) (jetstream.Consumer, error) {
	if spec.Stream == "" || spec.Durable == "" {
		return nil, errors.New("ensure consumer: stream and durable are required")
	}
	cons, err := c.JS.CreateOrUpdateConsumer(ctx, spec.Stream, spec.config())
	if err != nil {
		return nil, fmt.Errorf("ensure consumer %s on %s: %w", spec.Durable, spec.Stream, err)
	}
	return cons, nil
}

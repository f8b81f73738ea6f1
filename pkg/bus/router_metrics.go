package bus

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// ConsumerMetrics measures every router of a process: events handled or failed per
// consumer and type, and the time a batch takes.
type ConsumerMetrics struct {
	events *prometheus.CounterVec
	batch  *prometheus.HistogramVec
}

// NewConsumerMetrics registers the consumer metrics on reg.
func NewConsumerMetrics(reg prometheus.Registerer) (*ConsumerMetrics, error) {
	m := &ConsumerMetrics{
		events: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tickup_consumer_events_total",
			Help: "Events a consumer's batches carried, by consumer, event type and outcome (ok: committed; failed: batch rolled back)."},
			[]string{"consumer", "type", "outcome"}),
		batch: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "tickup_consumer_batch_seconds",
			Help: "Time to handle one batch in its transaction, by consumer.", Buckets: prometheus.ExponentialBuckets(0.001, 2, 14)},
			[]string{"consumer"}),
	}
	for _, c := range []prometheus.Collector{m.events, m.batch} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// EventsCounter is tickup_consumer_events_total, for tests and dashboards' checks.
func (m *ConsumerMetrics) EventsCounter() *prometheus.CounterVec { return m.events }

// Middleware measures the batches of consumer durable.
func (m *ConsumerMetrics) Middleware(durable string) Middleware {
	return func(next BatchHandler) BatchHandler {
		return func(ctx context.Context, batch []Delivery) error {
			start := time.Now()
			err := next(ctx, batch)
			m.batch.WithLabelValues(durable).Observe(time.Since(start).Seconds())
			outcome := "ok"
			if err != nil {
				outcome = "failed"
			}
			for _, d := range batch {
				m.events.WithLabelValues(durable, d.Type, outcome).Inc()
			}
			return err
		}
	}
}

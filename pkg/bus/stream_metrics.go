package bus

import (
	"context"
	"maps"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"tickup.dev/pkg/contract/events"
)

// scrapeTimeout bounds the JetStream calls a scrape makes.
const scrapeTimeout = 2 * time.Second

// lag reports, at each scrape, what waits for the durable consumers of a service: messages
// not yet delivered (pending) and delivered but not yet acknowledged (ack pending).
type lag struct {
	js                  jetstream.JetStream
	mu                  sync.Mutex        // guards consumers
	consumers           map[string]string // durable → stream
	pending, ackPending *prometheus.Desc
}

// StreamMetrics measures a service's consumers and the dead-letter stream.
type StreamMetrics struct {
	lag *lag
	dlq *prometheus.Desc
}

// NewStreamMetrics registers the consumer lag and DLQ gauges on reg; Watch adds consumers.
func NewStreamMetrics(c *Conn, reg prometheus.Registerer) (*StreamMetrics, error) {
	m := &StreamMetrics{
		lag: &lag{js: c.JS, consumers: map[string]string{},
			pending: prometheus.NewDesc("tickup_consumer_pending", "Messages of the durable consumer's stream not yet delivered to it.",
				[]string{"consumer"}, nil),
			ackPending: prometheus.NewDesc("tickup_consumer_ack_pending", "Messages delivered to the durable consumer and not yet acknowledged.",
				[]string{"consumer"}, nil)},
		dlq: prometheus.NewDesc("tickup_dlq_messages", "Dead letters kept in the DLQ stream, by the consumer that gave up on them.",
			[]string{"consumer"}, nil),
	}
	if err := reg.Register(m); err != nil {
		return nil, err
	}
	return m, nil
}

// Watch adds a durable consumer of stream to the lag gauges.
func (m *StreamMetrics) Watch(stream, durable string) {
	m.lag.mu.Lock()
	defer m.lag.mu.Unlock()
	m.lag.consumers[durable] = stream
}

// Describe implements prometheus.Collector.
func (m *StreamMetrics) Describe(ch chan<- *prometheus.Desc) {
	ch <- m.lag.pending
	ch <- m.lag.ackPending
	ch <- m.dlq
}

// Collect implements prometheus.Collector.
func (m *StreamMetrics) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	m.lag.mu.Lock()
	watched := maps.Clone(m.lag.consumers)
	m.lag.mu.Unlock()
	for durable, stream := range watched {
		info, err := m.lag.js.Consumer(ctx, stream, durable)
		if err != nil {
			ch <- prometheus.NewInvalidMetric(m.lag.pending, err)
			continue
		}
		ci := info.CachedInfo()
		ch <- prometheus.MustNewConstMetric(m.lag.pending, prometheus.GaugeValue, float64(ci.NumPending), durable)
		ch <- prometheus.MustNewConstMetric(m.lag.ackPending, prometheus.GaugeValue, float64(ci.NumAckPending), durable)
	}
	m.collectDLQ(ctx, ch, watched)
}

// collectDLQ counts the dead letters each watched consumer gave up on (the DLQ stream's
// subject tickup.dlq.<stream>.<durable>), 0 when none.
func (m *StreamMetrics) collectDLQ(ctx context.Context, ch chan<- prometheus.Metric, watched map[string]string) {
	s, err := m.lag.js.Stream(ctx, events.StreamDLQ)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(m.dlq, err)
		return
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(events.DLQFilter))
	if err != nil {
		ch <- prometheus.NewInvalidMetric(m.dlq, err)
		return
	}
	for durable, stream := range watched {
		n := info.State.Subjects[events.DLQSubject(stream, durable)]
		ch <- prometheus.MustNewConstMetric(m.dlq, prometheus.GaugeValue, float64(n), durable)
	}
}

package service

import (
	"context"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/outbox"
)

// registerMetrics adds what every service exports besides its own: the outbox backlog,
// events published, its consumers' lag and dead letters (docs/operations.md lists them).
func (r *Runtime) registerMetrics() (*prometheus.CounterVec, error) {
	published := outbox.NewPublishedCounter()
	for _, c := range []prometheus.Collector{published, outbox.NewBacklogCollector(r.DB)} {
		if err := r.Metrics.Register(c); err != nil {
			return nil, fmt.Errorf("register metrics: %w", err)
		}
	}
	sm, err := bus.NewStreamMetrics(r.Bus, r.Metrics)
	if err != nil {
		return nil, fmt.Errorf("register stream metrics: %w", err)
	}
	r.streamMetrics = sm
	return published, nil
}

// QueryMetric exports the number query answers (one row, one column) at every scrape, as a
// gauge or, for a total that only grows, a counter: business figures read from the
// service's own tables (active holds, tickets issued, draws completed).
func (r *Runtime) QueryMetric(counter bool, name, help, query string) error {
	read := func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
		defer cancel()
		var v float64
		if err := r.DB.WithContext(ctx).Raw(query).Scan(&v).Error; err != nil {
			r.Log.Warn("metric query failed", "metric", name, "err", err)
		}
		return v
	}
	var c prometheus.Collector = prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, read)
	if counter {
		c = prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, read)
	}
	if err := r.Metrics.Register(c); err != nil {
		return fmt.Errorf("%s: register %s: %w", r.Name, name, err)
	}
	return nil
}

// scrapeTimeout bounds a metric's query.
const scrapeTimeout = 2 * time.Second

package service

import (
	"fmt"

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

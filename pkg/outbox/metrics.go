package outbox

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"gorm.io/gorm"
)

// scrapeTimeout bounds the query a scrape runs.
const scrapeTimeout = 2 * time.Second

// NewPublishedCounter is tickup_events_published_total by event type, for Relay.Published.
func NewPublishedCounter() *prometheus.CounterVec {
	return prometheus.NewCounterVec(prometheus.CounterOpts{Name: "tickup_events_published_total",
		Help: "Events the outbox relay published (stored by JetStream), by event type."}, []string{"type"})
}

// backlog reports, at each scrape, how many events wait in the outbox and how old the
// oldest is: a growing backlog means the relay cannot reach NATS.
type backlog struct {
	db         *gorm.DB
	count, age *prometheus.Desc
}

// NewBacklogCollector measures the outbox of the database gdb points at.
func NewBacklogCollector(gdb *gorm.DB) prometheus.Collector {
	return &backlog{db: gdb,
		count: prometheus.NewDesc("tickup_outbox_backlog", "Events written to the outbox and not yet published.", nil, nil),
		age:   prometheus.NewDesc("tickup_outbox_oldest_age_seconds", "Age of the oldest unpublished outbox event (0 when none).", nil, nil),
	}
}

func (b *backlog) Describe(ch chan<- *prometheus.Desc) { ch <- b.count; ch <- b.age }

func (b *backlog) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), scrapeTimeout)
	defer cancel()
	var row struct {
		N   int64
		Age float64
	}
	err := b.db.WithContext(ctx).Raw(`SELECT count(*) AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0) AS age
		FROM outbox WHERE published_at IS NULL`).Scan(&row).Error
	if err != nil {
		ch <- prometheus.NewInvalidMetric(b.count, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(b.count, prometheus.GaugeValue, float64(row.N))
	ch <- prometheus.MustNewConstMetric(b.age, prometheus.GaugeValue, row.Age)
}

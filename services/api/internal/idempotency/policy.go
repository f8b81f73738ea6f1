package idempotency

import "time"

// Defaults of a Policy.
const (
	DefaultTTL        = 24 * time.Hour
	DefaultLease      = 2 * time.Minute
	DefaultSweepEvery = 10 * time.Minute
)

// Policy says how long keys live.
type Policy struct {
	TTL        time.Duration // a key can be replayed this long (default 24h)
	Lease      time.Duration // an in-flight key older than this was abandoned by a dead gateway (default 2m)
	SweepEvery time.Duration // how often expired keys are purged (default 10m)
}

// withDefaults fills zero fields.
func (p Policy) withDefaults() Policy {
	if p.TTL <= 0 {
		p.TTL = DefaultTTL
	}
	if p.Lease <= 0 {
		p.Lease = DefaultLease
	}
	if p.SweepEvery <= 0 {
		p.SweepEvery = DefaultSweepEvery
	}
	return p
}

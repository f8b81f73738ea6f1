// Package ratelimit holds in-memory token buckets keyed by a string (a user id, a client
// IP). Each gateway replica limits on its own, so the cluster-wide limit is the per-replica
// one times the number of replicas.
package ratelimit

import (
	"math"
	"sync"
	"time"
)

// maxKeys bounds the buckets kept; past it, buckets that have refilled are forgotten.
const maxKeys = 100_000

// Limiter allows perMinute events per key, in bursts of up to a minute's worth.
type Limiter struct {
	rate    float64 // tokens per second
	burst   float64
	now     func() time.Time
	mu      sync.Mutex
	buckets map[string]*bucket
}

// bucket is one key's tokens as of last.
type bucket struct {
	tokens float64
	last   time.Time
}

// New returns a limiter of perMinute events per key, or nil when perMinute <= 0 (no limit).
// now is the clock (nil: time.Now).
func New(perMinute int, now func() time.Time) *Limiter {
	if perMinute <= 0 {
		return nil
	}
	if now == nil {
		now = time.Now
	}
	return &Limiter{rate: float64(perMinute) / 60, burst: float64(perMinute), now: now, buckets: map[string]*bucket{}}
}

// Allow takes a token from key's bucket. When it is empty it returns false and how long
// until a token is available.
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[key]
	if !ok {
		l.prune(now)
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	return false, wait
}

// prune forgets full buckets once there are too many; a forgotten key starts full again,
// which is exactly its state. The caller holds l.mu.
func (l *Limiter) prune(now time.Time) {
	if len(l.buckets) < maxKeys {
		return
	}
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
}

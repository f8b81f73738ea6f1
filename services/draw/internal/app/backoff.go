package app

import "time"

// Backoff spaces retries: Base after the first failure, doubling, never more than Cap.
type Backoff struct {
	Base time.Duration
	Cap  time.Duration
}

// After returns the delay after the attempt-th failure (attempt ≥ 1).
func (b Backoff) After(attempt int) time.Duration {
	d := b.Base
	for i := 1; i < attempt && d < b.Cap; i++ {
		d *= 2
	}
	return min(d, b.Cap)
}

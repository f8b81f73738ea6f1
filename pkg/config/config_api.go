package config

import "time"

// Gateway holds the API gateway's own settings: write limits, the proxies it believes,
// and the pace of its event streams, caller bookkeeping and idempotency keys.
type Gateway struct {
	// WritesPerMinutePerUser and WritesPerMinutePerIP limit POST, PUT, PATCH and DELETE
	// requests; 0 disables.
	WritesPerMinutePerUser int
	WritesPerMinutePerIP   int
	// TrustedProxies are the IPs or CIDRs whose X-Forwarded-For is believed; none by default.
	TrustedProxies []string
	// Heartbeat is the pause after which an idle event stream gets a comment line.
	Heartbeat time.Duration
	// TouchInterval is how often a caller's app_user row (last_seen_at) is refreshed.
	TouchInterval time.Duration
	// IdempotencyTTL is how long an Idempotency-Key replays its first answer.
	IdempotencyTTL time.Duration
	// IdempotencyLease is how long a key may stay in flight before another request takes it
	// over (its gateway died).
	IdempotencyLease time.Duration
	// IdempotencySweepInterval is how often expired keys are deleted.
	IdempotencySweepInterval time.Duration
}

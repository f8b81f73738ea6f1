package config

import (
	"net"
	"time"
)

// checkGateway checks the API gateway's settings.
func checkGateway(r *report, g Gateway) {
	if g.WritesPerMinutePerUser < 0 {
		r.add(keyWritesPerUser, "must be 0 (no limit) or more, got %d", g.WritesPerMinutePerUser)
	}
	if g.WritesPerMinutePerIP < 0 {
		r.add(keyWritesPerIP, "must be 0 (no limit) or more, got %d", g.WritesPerMinutePerIP)
	}
	for _, p := range g.TrustedProxies {
		if _, _, err := net.ParseCIDR(p); err != nil && net.ParseIP(p) == nil {
			r.add(keyTrustedProxies, "must list IPs or CIDRs such as 10.0.0.0/8, got %q", p)
		}
	}
	durations := []struct {
		key string
		d   time.Duration
	}{{keyHeartbeat, g.Heartbeat}, {keyTouchInterval, g.TouchInterval}, {keyIdempotencyTTL, g.IdempotencyTTL},
		{keyIdempotencyLease, g.IdempotencyLease}, {keyIdempotencySweep, g.IdempotencySweepInterval}}
	for _, d := range durations {
		positive(r, d.key, d.d)
	}
}

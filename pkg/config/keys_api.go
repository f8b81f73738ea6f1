package config

import "time"

// Key names of the API gateway's settings, used by validation.
const (
	keyWritesPerUser     = "rate_limit.writes_per_minute"
	keyWritesPerIP       = "rate_limit.ip_writes_per_minute"
	keyTrustedProxies    = "trusted_proxies"
	keyHeartbeat         = "realtime.heartbeat"
	keyTouchInterval     = "users.touch_interval"
	keyIdempotencyTTL    = "idempotency.ttl"
	keyIdempotencyLease  = "idempotency.lease"
	keyIdempotencySweep  = "idempotency.sweep_interval"
	defaultWritesPerUser = "600"
	defaultWritesPerIP   = "1200"
)

// apiKeys are the settings of the API gateway alone.
func apiKeys() []Key {
	gw := func(c *Config) *Gateway { return &c.Gateway }
	duration := func(field func(*Gateway) *time.Duration) func(*Config, string) error {
		return setDuration(func(c *Config) *time.Duration { return field(gw(c)) })
	}
	return []Key{
		{Name: keyWritesPerUser, Env: []string{"TICKUP_RATE_LIMIT_WRITES_PER_MINUTE"}, Default: defaultWritesPerUser,
			Description: "POST, PUT, PATCH and DELETE requests per minute and caller (0 disables)",
			apply:       setInt(func(c *Config) *int { return &gw(c).WritesPerMinutePerUser })},
		{Name: keyWritesPerIP, Env: []string{"TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE"}, Default: defaultWritesPerIP,
			Description: "POST, PUT, PATCH and DELETE requests per minute and client IP (0 disables)",
			apply:       setInt(func(c *Config) *int { return &gw(c).WritesPerMinutePerIP })},
		{Name: keyTrustedProxies, Env: []string{"TICKUP_TRUSTED_PROXIES"},
			Description: "IPs or CIDRs of proxies whose X-Forwarded-For is believed, comma-separated (none: the client IP is the peer address)",
			apply:       setList(func(c *Config) *[]string { return &gw(c).TrustedProxies })},
		{Name: keyHeartbeat, Env: []string{"TICKUP_SSE_HEARTBEAT"}, Default: "15s",
			Description: "an idle event stream gets a comment line this often",
			apply:       duration(func(g *Gateway) *time.Duration { return &g.Heartbeat })},
		{Name: keyTouchInterval, Env: []string{"TICKUP_USER_TOUCH_INTERVAL"}, Default: "5m",
			Description: "how often a caller's last_seen_at is refreshed (at most one write per caller and interval)",
			apply:       duration(func(g *Gateway) *time.Duration { return &g.TouchInterval })},
		{Name: keyIdempotencyTTL, Env: []string{"TICKUP_IDEMPOTENCY_TTL"}, Default: "24h",
			Description: "how long an Idempotency-Key replays its first answer",
			apply:       duration(func(g *Gateway) *time.Duration { return &g.IdempotencyTTL })},
		{Name: keyIdempotencyLease, Env: []string{"TICKUP_IDEMPOTENCY_LEASE"}, Default: "2m",
			Description: "an Idempotency-Key in flight longer than this is taken over by a retry (its gateway died)",
			apply:       duration(func(g *Gateway) *time.Duration { return &g.IdempotencyLease })},
		{Name: keyIdempotencySweep, Env: []string{"TICKUP_IDEMPOTENCY_SWEEP_INTERVAL"}, Default: "10m",
			Description: "how often expired Idempotency-Keys are deleted",
			apply:       duration(func(g *Gateway) *time.Duration { return &g.IdempotencySweepInterval })},
	}
}

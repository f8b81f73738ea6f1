package config

import "time"

// Key names of the security and retention settings, used by validation.
const (
	keyAdminClaim       = "auth.admin_claim"
	keyJWKSRefresh      = "supabase.jwks_refresh"
	keyTokenMaxTTL      = "token.max_ttl"
	keyReadsPerUser     = "rate_limit.reads_per_minute"
	keyReadsPerIP       = "rate_limit.ip_reads_per_minute"
	keyStreamsPerUser   = "realtime.streams_per_user"
	keyStreamsPerIP     = "realtime.streams_per_ip"
	keyReplayMaxAge     = "realtime.replay_max_age"
	keyReplayMaxEvents  = "realtime.replay_max_events"
	keyStreamMaxAge     = "streams.max_age"
	keyStreamMaxBytes   = "streams.max_bytes"
	keyDLQMaxAge        = "streams.dlq_max_age"
	keyDLQMaxBytes      = "streams.dlq_max_bytes"
	keyStreamReplicas   = "streams.replicas"
	defaultStreamBytes  = "1073741824" // 1 GiB per event stream
	defaultDLQBytes     = "268435456"  // 256 MiB for the dead letters
	defaultStreamMaxAge = "168h"       // the inbox keeps its dedupe rows as long
)

// limitKeys are the settings that bound what a caller, a token or a stream may take.
func limitKeys() []Key {
	return []Key{
		{Name: keyAdminClaim, Env: []string{"TICKUP_AUTH_ADMIN_CLAIM"}, Default: "app_metadata.role",
			Description: `claim (dot path) whose value "admin" makes the caller an admin, e.g. user_role for an access-token hook`,
			apply:       setString(func(c *Config) *string { return &c.Auth.AdminClaim })},
		{Name: keyJWKSRefresh, Env: []string{"TICKUP_JWKS_REFRESH"}, Default: "10m",
			Description: "longest time a fetched JWKS is used before it is fetched again (a shorter Cache-Control max-age wins)",
			apply:       setDuration(func(c *Config) *time.Duration { return &c.Auth.JWKSRefresh })},
		{Name: keyTokenMaxTTL, Env: []string{"TICKUP_TOKEN_MAX_TTL"}, Default: "1h",
			Description: "longest lifetime `tickup token` signs",
			apply:       setDuration(func(c *Config) *time.Duration { return &c.Auth.TokenMaxTTL })},
		{Name: keyReadsPerUser, Env: []string{"TICKUP_RATE_LIMIT_READS_PER_MINUTE"}, Default: "1200",
			Description: "GET requests per minute and caller (0 disables)",
			apply:       setInt(func(c *Config) *int { return &c.Limits.ReadsPerMinutePerUser })},
		{Name: keyReadsPerIP, Env: []string{"TICKUP_RATE_LIMIT_IP_READS_PER_MINUTE"}, Default: "6000",
			Description: "GET requests per minute and client IP (0 disables)",
			apply:       setInt(func(c *Config) *int { return &c.Limits.ReadsPerMinutePerIP })},
		{Name: keyStreamsPerUser, Env: []string{"TICKUP_SSE_STREAMS_PER_USER"}, Default: "5",
			Description: "open event streams per caller and gateway replica (0 disables the cap)",
			apply:       setInt(func(c *Config) *int { return &c.Limits.StreamsPerUser })},
		{Name: keyStreamsPerIP, Env: []string{"TICKUP_SSE_STREAMS_PER_IP"}, Default: "100",
			Description: "open event streams per client IP and gateway replica (0 disables the cap)",
			apply:       setInt(func(c *Config) *int { return &c.Limits.StreamsPerIP })},
		{Name: keyReplayMaxAge, Env: []string{"TICKUP_SSE_REPLAY_MAX_AGE"}, Default: "24h",
			Description: "a resumed event stream replays no event older than this",
			apply:       setDuration(func(c *Config) *time.Duration { return &c.Limits.ReplayMaxAge })},
		{Name: keyReplayMaxEvents, Env: []string{"TICKUP_SSE_REPLAY_MAX_EVENTS"}, Default: "10000",
			Description: "a resumed event stream looks at most this many latest messages of each stream",
			apply:       setInt(func(c *Config) *int { return &c.Limits.ReplayMaxEvents })},
		{Name: keyStreamMaxAge, Env: []string{"TICKUP_STREAM_MAX_AGE"}, Default: defaultStreamMaxAge,
			Description: "JetStream event streams drop messages older than this",
			apply:       setDuration(func(c *Config) *time.Duration { return &c.Streams.MaxAge })},
		{Name: keyStreamReplicas, Env: []string{"TICKUP_STREAM_REPLICAS"}, Default: "1",
			Description: "copies of every JetStream stream (and its consumers) on a NATS cluster: 1, 3 or 5",
			apply:       setInt(func(c *Config) *int { return &c.Streams.Replicas })},
		{Name: keyStreamMaxBytes, Env: []string{"TICKUP_STREAM_MAX_BYTES"}, Default: defaultStreamBytes,
			Description: "size of each event stream in bytes; when full, publishing waits (the outbox retries)",
			apply:       setInt64(func(c *Config) *int64 { return &c.Streams.MaxBytes })},
		{Name: keyDLQMaxAge, Env: []string{"TICKUP_DLQ_MAX_AGE"}, Default: "720h",
			Description: "the DLQ stream drops dead letters older than this",
			apply:       setDuration(func(c *Config) *time.Duration { return &c.Streams.DLQMaxAge })},
		{Name: keyDLQMaxBytes, Env: []string{"TICKUP_DLQ_MAX_BYTES"}, Default: defaultDLQBytes,
			Description: "size of the DLQ stream in bytes; when full, a dead letter stays in its stream",
			apply:       setInt64(func(c *Config) *int64 { return &c.Streams.DLQMaxBytes })},
	}
}

package config

import (
	"regexp"
	"strings"
	"time"
)

// Floors of the retention settings: a stream must outlive JetStream's 2-minute duplicate
// window, and hold at least a few events.
const (
	minStreamMaxAge   = 2 * time.Minute
	minStreamMaxBytes = 1 << 20
)

// claimPath is a dot path of claim names such as app_metadata.role or user_role.
var claimPath = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)

func checkLimits(r *report, c Config) {
	checkAdminClaim(r, c.Auth.AdminClaim)
	positive(r, keyJWKSRefresh, c.Auth.JWKSRefresh)
	positive(r, keyTokenMaxTTL, c.Auth.TokenMaxTTL)
	counts := []struct {
		key string
		n   int
	}{{keyReadsPerUser, c.Limits.ReadsPerMinutePerUser}, {keyReadsPerIP, c.Limits.ReadsPerMinutePerIP},
		{keyStreamsPerUser, c.Limits.StreamsPerUser}, {keyStreamsPerIP, c.Limits.StreamsPerIP}}
	for _, cnt := range counts {
		if cnt.n < 0 {
			r.add(cnt.key, "must be 0 (no limit) or more, got %d", cnt.n)
		}
	}
	positive(r, keyReplayMaxAge, c.Limits.ReplayMaxAge)
	if c.Limits.ReplayMaxEvents < 1 {
		r.add(keyReplayMaxEvents, "must be at least 1, got %d", c.Limits.ReplayMaxEvents)
	}
	checkRetention(r, keyStreamMaxAge, keyStreamMaxBytes, c.Streams.MaxAge, c.Streams.MaxBytes)
	checkRetention(r, keyDLQMaxAge, keyDLQMaxBytes, c.Streams.DLQMaxAge, c.Streams.DLQMaxBytes)
	if n := c.Streams.Replicas; n != 1 && n != 3 && n != 5 {
		r.add(keyStreamReplicas, "must be 1, 3 or 5 (a NATS cluster keeps an odd number of copies), got %d", n)
	}
}

// checkAdminClaim refuses a malformed path, the top-level role (Supabase's database role)
// and user_metadata, which every user can write for themselves.
func checkAdminClaim(r *report, path string) {
	switch {
	case !claimPath.MatchString(path):
		r.add(keyAdminClaim, "must be a claim name or dot path such as app_metadata.role, got %q", path)
	case path == "role":
		r.add(keyAdminClaim, "must not be role: that claim is Supabase's database role")
	case path == "user_metadata" || strings.HasPrefix(path, "user_metadata."):
		r.add(keyAdminClaim, "must not be under user_metadata: users can write it themselves")
	}
}

func checkRetention(r *report, ageKey, bytesKey string, age time.Duration, size int64) {
	if age < minStreamMaxAge {
		r.add(ageKey, "must be at least %s, got %s", minStreamMaxAge, age)
	}
	if size < minStreamMaxBytes {
		r.add(bytesKey, "must be at least %d bytes, got %d", minStreamMaxBytes, size)
	}
}

func positive(r *report, key string, d time.Duration) {
	if d <= 0 {
		r.add(key, "must be positive, got %s", d)
	}
}

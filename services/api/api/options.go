package api

import (
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/idempotency"
)

// Defaults of the gateway's own settings.
const (
	DefaultWritesPerMinutePerUser = 600
	DefaultWritesPerMinutePerIP   = 1200
)

// Options are the gateway's settings beyond pkg/config.
type Options struct {
	WritesPerMinutePerUser int           // write requests per minute and caller; 0 disables the limit
	WritesPerMinutePerIP   int           // write requests per minute and client IP; 0 disables the limit
	TrustedProxies         []string      // CIDRs of proxies whose X-Forwarded-For is believed
	Heartbeat              time.Duration // comment lines on idle event streams; 0: 15s
	TouchEvery             time.Duration // how often a caller's last_seen_at is refreshed; 0: 5m
	Idempotency            idempotency.Policy
	Log                    *slog.Logger // nil: a logger made from the configuration

	modules  []httpapi.Module      // extra /api/v1 modules (tests)
	onRouter func(*httpapi.Router) // sees the router once built (tests)
}

// OptionsFromEnv reads the options from the environment:
//
//	TICKUP_RATE_LIMIT_WRITES_PER_MINUTE     per caller (default 600; 0 disables)
//	TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE  per client IP (default 1200; 0 disables)
//	TICKUP_TRUSTED_PROXIES                  comma-separated CIDRs (default none)
//	TICKUP_SSE_HEARTBEAT                    e.g. 15s
func OptionsFromEnv(getenv func(string) string) (Options, error) {
	opts := Options{WritesPerMinutePerUser: DefaultWritesPerMinutePerUser, WritesPerMinutePerIP: DefaultWritesPerMinutePerIP}
	var errs []error
	errs = append(errs, intVar(getenv, "TICKUP_RATE_LIMIT_WRITES_PER_MINUTE", &opts.WritesPerMinutePerUser))
	errs = append(errs, intVar(getenv, "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE", &opts.WritesPerMinutePerIP))
	if raw := getenv("TICKUP_SSE_HEARTBEAT"); raw != "" {
		d, err := time.ParseDuration(raw)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("TICKUP_SSE_HEARTBEAT: not a positive duration such as 15s: %q", raw))
		}
		opts.Heartbeat = d
	}
	for p := range strings.SplitSeq(getenv("TICKUP_TRUSTED_PROXIES"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			opts.TrustedProxies = append(opts.TrustedProxies, p)
		}
	}
	return opts, errors.Join(errs...)
}

// intVar reads a non-negative integer variable into dst when it is set.
func intVar(getenv func(string) string, name string, dst *int) error {
	raw := strings.TrimSpace(getenv(name))
	if raw == "" {
		return nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 0 {
		return fmt.Errorf("%s: not a non-negative integer: %q", name, raw)
	}
	*dst = n
	return nil
}

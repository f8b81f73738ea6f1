package config

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestGatewaySettingsLoadFromTheFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	yaml := "rate_limit:\n  writes_per_minute: 7\n  ip_writes_per_minute: 0\ntrusted_proxies: [10.0.0.0/8, 192.168.1.1]\n" +
		"realtime:\n  heartbeat: 2s\nusers:\n  touch_interval: 1m\n" +
		"idempotency:\n  ttl: 1h\n  lease: 30s\n  sweep_interval: 1m\n"
	cfg, err := Load(Options{ConfigFile: writeFile(t, dir, "tickup.yaml", yaml), EnvFile: writeFile(t, dir, "empty.env", ""),
		Environ: []string{"DATABASE_URL=postgres://u@h/db", "TICKUP_ENV=test"}})
	if err != nil {
		t.Fatal(err)
	}
	want := Gateway{WritesPerMinutePerUser: 7, WritesPerMinutePerIP: 0, TrustedProxies: []string{"10.0.0.0/8", "192.168.1.1"},
		Heartbeat: 2 * time.Second, TouchInterval: time.Minute, IdempotencyTTL: time.Hour, IdempotencyLease: 30 * time.Second,
		IdempotencySweepInterval: time.Minute}
	if !reflect.DeepEqual(cfg.Gateway, want) {
		t.Errorf("gateway settings %+v, want %+v", cfg.Gateway, want)
	}
}

func TestGatewaySettingsAreValidated(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, err := Load(Options{EnvFile: writeFile(t, dir, "empty.env", ""), Environ: []string{
		"DATABASE_URL=postgres://u@h/db", "TICKUP_ENV=test", "TICKUP_RATE_LIMIT_WRITES_PER_MINUTE=-1",
		"TICKUP_TRUSTED_PROXIES=10.0.0.0/8,proxy.local", "TICKUP_SSE_HEARTBEAT=0s", "TICKUP_IDEMPOTENCY_TTL=soon"}})
	want := []string{
		`idempotency.ttl: not a duration such as 15s: "soon"`,
		"rate_limit.writes_per_minute: must be 0 (no limit) or more, got -1",
		`trusted_proxies: must list IPs or CIDRs such as 10.0.0.0/8, got "proxy.local"`,
		"realtime.heartbeat: must be positive, got 0s",
	}
	var verr *ValidationError
	if !errors.As(err, &verr) || !reflect.DeepEqual(verr.Problems, want) {
		t.Errorf("error:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
}

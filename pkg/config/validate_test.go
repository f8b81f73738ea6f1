package config

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestLoadReportsEveryProblemAtOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	opts := Options{
		ConfigFile: writeFile(t, dir, "tickup.yaml", "databse_url: typo\n"),
		EnvFile:    writeFile(t, dir, "empty.env", ""),
		Environ: []string{
			"DATABASE_URL=mysql://x", "BACKEND_PORT=70000", "TICKUP_LOG_FORMAT=xml", "TICKUP_LOG_LEVEL=loud",
			"TICKUP_ENV=staging", "NATS_URL=http://n:4222", "TICKUP_SHUTDOWN_GRACE=soon", "TICKUP_DB_ROLES=maybe",
			"TICKUP_WALLET_HEALTH_PORT=abc", "TICKUP_CORS_ORIGINS=https://a.example/path",
			"TICKUP_WEBHOOK_GENERIC_SECRETS=plain", "TICKUP_NOTIFY_WEBHOOK_URL=ftp://hooks.example",
		},
	}
	want := []string{
		dir + "/tickup.yaml: unknown key \"databse_url\"",
		"health_ports.wallet: not an integer: \"abc\"",
		"shutdown_grace: not a duration such as 15s: \"soon\"",
		"db_roles: not a boolean: \"maybe\"",
		"env: must be dev, test or prod, got \"staging\"",
		"DATABASE_URL: not a postgres URL: \"mysql://x\"",
		"NATS_URL: not a NATS URL: \"http://n:4222\"",
		"BACKEND_PORT: must be 1..65535, got 70000",
		"log.format: must be json or text, got \"xml\"",
		"log.level: must be debug, info, warn or error, got \"loud\"",
		"webhooks.generic_secrets: secret 1 is not whsec_ followed by base64",
		"NOTIFY_WEBHOOK_URL: must be an absolute https or http URL, got \"ftp://hooks.example\"",
		"cors_origins: not an origin such as https://app.example.com: \"https://a.example/path\"",
	}
	_, err := Load(opts)
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Load error = %v; want *ValidationError", err)
	}
	if !reflect.DeepEqual(verr.Problems, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(verr.Problems, "\n"), strings.Join(want, "\n"))
	}
	if got := strings.Count(err.Error(), "\n") + 1; got != len(want) {
		t.Errorf("error has %d lines, want one per problem (%d)", got, len(want))
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	secret := strings.Repeat("s", 32)
	tests := []struct {
		name   string
		modify func(c *Config)
		want   []string
	}{
		{name: "defaults are valid", modify: func(*Config) {}},
		{name: "prod with a long HS256 secret", modify: func(c *Config) { c.Env, c.Supabase.JWTSecret = "prod", secret }},
		{name: "postgres:// accepted", modify: func(c *Config) { c.DatabaseURL = "postgres://u@h/db" }},
		{name: "several NATS servers", modify: func(c *Config) { c.NATSURL = "nats://a:4222, tls://b:4222" }},
		{name: "any CORS origin", modify: func(c *Config) { c.CORSOrigins = []string{"*", "http://localhost:3000/"} }},
		{name: "database URL required", modify: func(c *Config) { c.DatabaseURL = "" },
			want: []string{"DATABASE_URL: required"}},
		{name: "password never echoed", modify: func(c *Config) { c.DatabaseURL = "mysql://u:hunter2@h/db" },
			want: []string{`DATABASE_URL: not a postgres URL: "mysql://u:xxxxx@h/db"`}},
		{name: "prod needs a way to verify tokens", modify: func(c *Config) { c.Env = "prod" },
			want: []string{"SUPABASE_JWT: prod needs SUPABASE_JWT or a JWKS URL to verify access tokens"}},
		{name: "prod rejects a short secret and plain http", modify: func(c *Config) {
			c.Env, c.Supabase.JWTSecret, c.Supabase.URL = "prod", "short", "http://x.example"
		}, want: []string{
			`SUPABASE_URL: must be an absolute https URL, got "http://x.example"`,
			"SUPABASE_JWT: must be at least 32 bytes in prod",
		}},
		{name: "ports, grace and hold times", modify: func(c *Config) {
			c.HTTPPort, c.HealthPorts["draw"], c.ShutdownGrace, c.DataDir = 0, 65536, 0, ""
			c.Holds.TTL, c.Holds.SweepInterval = 0, -time.Second
		}, want: []string{
			"BACKEND_PORT: must be 1..65535, got 0",
			"health_ports.draw: must be 1..65535, got 65536",
			"shutdown_grace: must be positive, got 0s",
			"holds.ttl: must be positive, got 0s",
			"holds.sweep_interval: must be positive, got -1s",
			"data_dir: required",
		}},
		{name: "admin claim of an access-token hook", modify: func(c *Config) { c.Auth.AdminClaim = "user_role" }},
		{name: "admin claims a user could set or that mean something else", modify: func(c *Config) {
			c.Auth.AdminClaim = "user_metadata.role"
		}, want: []string{"auth.admin_claim: must not be under user_metadata: users can write it themselves"}},
		{name: "limits and retention", modify: func(c *Config) {
			c.Auth.AdminClaim, c.Auth.TokenMaxTTL, c.Limits.StreamsPerIP, c.Limits.ReplayMaxEvents = "role", 0, -1, 0
			c.Streams.MaxAge, c.Streams.DLQMaxBytes = time.Second, 10
		}, want: []string{
			"auth.admin_claim: must not be role: that claim is Supabase's database role",
			"token.max_ttl: must be positive, got 0s",
			"realtime.streams_per_ip: must be 0 (no limit) or more, got -1",
			"realtime.replay_max_events: must be at least 1, got 0",
			"streams.max_age: must be at least 2m0s, got 1s",
			"streams.dlq_max_bytes: must be at least 1048576 bytes, got 10",
		}},
		{name: "an even number of stream copies", modify: func(c *Config) { c.Streams.Replicas = 2 },
			want: []string{"streams.replicas: must be 1, 3 or 5 (a NATS cluster keeps an odd number of copies), got 2"}},
		{name: "NATS token never echoed", modify: func(c *Config) { c.NATSURL = "redis://s3cret@n:4222" },
			want: []string{`NATS_URL: not a NATS URL: "redis://xxxxx@n:4222"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cfg := defaults()
			tc.modify(&cfg)
			err := cfg.Validate()
			var got []string
			var verr *ValidationError
			if errors.As(err, &verr) {
				got = verr.Problems
			} else if err != nil {
				t.Fatalf("Validate error %T, want *ValidationError", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems:\n%q\nwant:\n%q", got, tc.want)
			}
		})
	}
}

func TestDrawBeaconIsOffOrAKnownChain(t *testing.T) {
	t.Parallel()
	tests := []struct {
		raw, want string
		ok        bool
	}{
		{"", DrawBeaconOff, true},
		{"none", DrawBeaconOff, true},
		{"off", DrawBeaconOff, true},
		{"drand-quicknet", DrawBeaconQuicknet, true},
		{"drand-mainnet", "drand-mainnet", false},
	}
	for _, tc := range tests {
		cfg, err := Load(Options{Environ: []string{"DATABASE_URL=postgres://u@h/db", "TICKUP_DRAW_BEACON=" + tc.raw}})
		if tc.ok && (err != nil || cfg.Draw.Beacon != tc.want) {
			t.Errorf("%q: beacon %q, %v; want %q", tc.raw, cfg.Draw.Beacon, err, tc.want)
		}
		if !tc.ok && (err == nil || !strings.Contains(err.Error(), "draw.beacon")) {
			t.Errorf("%q: %v, want a problem naming draw.beacon", tc.raw, err)
		}
	}
}

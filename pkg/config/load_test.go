package config

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

const testDB = "postgresql://tickup@127.0.0.1:5432/tickup"

// defaults is what Load returns when only DATABASE_URL is set.
func defaults() Config {
	return Config{
		Env:           "dev",
		DatabaseURL:   testDB,
		NATSURL:       "nats://127.0.0.1:4222",
		HTTPPort:      8000,
		HealthPorts:   map[string]int{"api": 8000, "ticketing": 8101, "wallet": 8102, "draw": 8103},
		Log:           Logging{Format: "json", Level: "info"},
		ShutdownGrace: 15 * time.Second,
		DataDir:       "./.tickup",
		Holds:         Holds{TTL: 10 * time.Minute, SweepInterval: 5 * time.Second},
		Auth:          Auth{AdminClaim: "app_metadata.role", JWKSRefresh: 10 * time.Minute, TokenMaxTTL: time.Hour},
		Limits: Limits{ReadsPerMinutePerUser: 1200, ReadsPerMinutePerIP: 6000, StreamsPerUser: 5, StreamsPerIP: 100,
			ReplayMaxAge: 24 * time.Hour, ReplayMaxEvents: 10000},
		Streams: Streams{MaxAge: 168 * time.Hour, MaxBytes: 1 << 30, DLQMaxAge: 720 * time.Hour, DLQMaxBytes: 256 << 20, Replicas: 1},
		Draw:    Draw{Beacon: DrawBeaconOff, BeaconURL: "https://api.drand.sh"},
		Tracing: Tracing{SampleRatio: 1},
		Gateway: Gateway{WritesPerMinutePerUser: 600, WritesPerMinutePerIP: 1200, Heartbeat: 15 * time.Second,
			TouchInterval: 5 * time.Minute, IdempotencyTTL: 24 * time.Hour, IdempotencyLease: 2 * time.Minute,
			IdempotencySweepInterval: 10 * time.Minute},
		Wallet: Wallet{MinWithdrawalCents: 1000, DailyWithdrawalCents: 100000},
	}
}

// writeFile writes content to dir/name and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadSourcesAndPrecedence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		yaml   string
		dotenv string
		env    []string
		want   func(c *Config)
	}{
		{name: "defaults", want: func(*Config) {}},
		{name: "yaml", yaml: "http_port: 9000\nlog:\n  format: text\n  level: debug\nhealth_ports:\n  wallet: 9102\n" +
			"webhooks:\n  stripe_secrets: [whsec_a, whsec_b]\nshutdown_grace: 5s\ndb_roles: true\nenv: test\n",
			want: func(c *Config) {
				c.HTTPPort, c.HealthPorts["api"], c.HealthPorts["wallet"] = 9000, 9000, 9102
				c.Log = Logging{Format: "text", Level: "debug"}
				c.Webhooks.StripeSecrets = []string{"whsec_a", "whsec_b"}
				c.ShutdownGrace, c.DBRoles, c.Env = 5*time.Second, true, "test"
			}},
		{name: "dotenv beats yaml", yaml: "http_port: 9000\ndata_dir: /yaml\n", dotenv: "BACKEND_PORT=9001\n",
			want: func(c *Config) { c.HTTPPort, c.HealthPorts["api"], c.DataDir = 9001, 9001, "/yaml" }},
		{name: "environment beats dotenv", yaml: "http_port: 9000\n", dotenv: "BACKEND_PORT=9001\nTICKUP_DATA_DIR=/env-file\n",
			env:  []string{"BACKEND_PORT=9002"},
			want: func(c *Config) { c.HTTPPort, c.HealthPorts["api"], c.DataDir = 9002, 9002, "/env-file" }},
		{name: "TICKUP name beats seed name", env: []string{"BACKEND_PORT=9002", "TICKUP_HTTP_PORT=9003"},
			want: func(c *Config) { c.HTTPPort, c.HealthPorts["api"] = 9003, 9003 }},
		{name: "seed name in environment beats TICKUP name in dotenv", dotenv: "TICKUP_HTTP_PORT=9004\n",
			env:  []string{"BACKEND_PORT=9005"},
			want: func(c *Config) { c.HTTPPort, c.HealthPorts["api"] = 9005, 9005 }},
		{name: "asyncpg URL normalised", env: []string{"DATABASE_URL=postgresql+asyncpg://u:pw@db:5432/app?ssl=require"},
			want: func(c *Config) { c.DatabaseURL = "postgresql://u:pw@db:5432/app?sslmode=require" }},
		{name: "seed names", env: []string{"NATS_URL=nats://n:4222", "SUPABASE_URL=https://x.supabase.co/",
			"SUPABASE_KEY=k", "SUPABASE_JWT=j", "NOTIFY_WEBHOOK_URL=https://hooks.example/n"},
			want: func(c *Config) {
				c.NATSURL = "nats://n:4222"
				c.Supabase = Supabase{URL: "https://x.supabase.co/", Key: "k", JWTSecret: "j",
					JWKSURL: "https://x.supabase.co/auth/v1/.well-known/jwks.json"}
				c.Notify.URL = "https://hooks.example/n"
			}},
		{name: "lists and TICKUP names", env: []string{"TICKUP_CORS_ORIGINS= https://a.example, ,https://b.example",
			"TICKUP_WEBHOOK_GENERIC_SECRETS=whsec_MTIz,whsec_NDU2", "TICKUP_JWKS_URL=https://keys.example/jwks",
			"TICKUP_JWT_ISSUER=https://x.supabase.co/auth/v1", "TICKUP_NOTIFY_WEBHOOK_SECRET=s", "TICKUP_DRAW_HEALTH_PORT=9103"},
			want: func(c *Config) {
				c.CORSOrigins = []string{"https://a.example", "https://b.example"}
				c.Webhooks.GenericSecrets = []string{"whsec_MTIz", "whsec_NDU2"}
				c.Supabase.JWKSURL, c.Supabase.JWTIssuer = "https://keys.example/jwks", "https://x.supabase.co/auth/v1"
				c.Notify.Secret, c.HealthPorts["draw"] = "s", 9103
			}},
		{name: "unknown variables ignored", env: []string{"TICKUP_NOPE=1", "PATH=/bin", "JUNK"}, want: func(*Config) {}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			opts := Options{
				ConfigFile: writeFile(t, dir, "tickup.yaml", tc.yaml),
				EnvFile:    writeFile(t, dir, ".env", tc.dotenv),
				Environ:    append([]string{"DATABASE_URL=" + testDB}, tc.env...),
			}
			got, err := Load(opts)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			want := defaults()
			tc.want(&want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Load:\n got %#v\nwant %#v", plain(got), plain(want))
			}
		})
	}
}

func TestLoadFindsDefaultFiles(t *testing.T) {
	tests := []struct {
		name     string
		env      []string
		wantPort int
	}{
		{name: "tickup.yaml and .env", wantPort: 9001},
		{name: "ENV_FILE names another", env: []string{"ENV_FILE=other.env"}, wantPort: 9002},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "tickup.yaml", "database_url: "+testDB+"\nhttp_port: 9000\n")
			writeFile(t, dir, ".env", "BACKEND_PORT=9001\n")
			writeFile(t, dir, "other.env", "BACKEND_PORT=9002\n")
			t.Chdir(dir)
			cfg, err := Load(Options{Environ: tc.env})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if cfg.HTTPPort != tc.wantPort || cfg.DatabaseURL != testDB {
				t.Errorf("got port %d, database %q; want %d, %q", cfg.HTTPPort, cfg.DatabaseURL, tc.wantPort, testDB)
			}
		})
	}
}

func TestLoadMissingFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	env := []string{"DATABASE_URL=" + testDB}
	tests := []struct {
		name string
		opts Options
	}{
		{name: "explicit config file", opts: Options{ConfigFile: missing, Environ: env}},
		{name: "explicit env file", opts: Options{EnvFile: missing, Environ: env}},
		{name: "ENV_FILE", opts: Options{Environ: append(env, "ENV_FILE="+missing)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if _, err := Load(tc.opts); err == nil {
				t.Fatal("Load succeeded; want an error naming the missing file")
			}
		})
	}
}

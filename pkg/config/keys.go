package config

import (
	"slices"
	"strings"
	"time"
)

// Key describes one configuration setting: its tickup.yaml name, the environment variables
// that set it, its default and what it is for. The table below is the single source for all
// of them; Load, Validate and the documentation read it.
type Key struct {
	// Name is the lowercase key in tickup.yaml; a dot nests ("log.format").
	Name string
	// Env lists the environment variables that set the key, highest priority first.
	Env []string
	// Default is the value used when no source sets the key ("" for none).
	Default string
	// Description says what the key is for, in one line.
	Description string
	// Secret marks values that must never be logged or printed.
	Secret bool

	apply func(c *Config, raw string) error
}

// label names the key in validation problems: the seed's bare variable when it has one,
// since that is the name operators know, otherwise the tickup.yaml name.
func (k Key) label() string {
	if len(k.Env) > 1 {
		return k.Env[len(k.Env)-1]
	}
	return k.Name
}

// Keys returns every configuration key in documentation order.
func Keys() []Key {
	return table()
}

// Key names used outside the table.
const (
	keyEnv         = "env"
	keyDatabaseURL = "database_url"
	keyNATSURL     = "nats_url"
	keyHTTPPort    = "http_port"
	keyLogFormat   = "log.format"
	keyLogLevel    = "log.level"
	keyGrace       = "shutdown_grace"
	keyDataDir     = "data_dir"
	keySupabaseURL = "supabase.url"
	keyJWTSecret   = "supabase.jwt_secret"
	keyJWKSURL     = "supabase.jwks_url"
	keyStripe      = "webhooks.stripe_secrets"
	keyGeneric     = "webhooks.generic_secrets"
	keyNotifyURL   = "notify.url"
	keyCORS        = "cors_origins"
	keyHoldTTL     = "holds.ttl"
	keyHoldSweep   = "holds.sweep_interval"
	keyDrawBeacon  = "draw.beacon"
)

// Values of draw.beacon.
const (
	// DrawBeaconOff commits new pools to draws without public randomness.
	DrawBeaconOff = "off"
	// DrawBeaconQuicknet commits new pools to a round of drand's quicknet chain.
	DrawBeaconQuicknet = "drand-quicknet"
)

// healthPortPrefix precedes a service's name in its health port key.
const healthPortPrefix = "health_ports."

func table() []Key {
	return append([]Key{
		{Name: keyEnv, Env: []string{"TICKUP_ENV"}, Default: "dev",
			Description: "deployment environment: dev, test or prod",
			apply:       setString(func(c *Config) *string { return &c.Env })},
		{Name: keyDatabaseURL, Env: []string{"TICKUP_DATABASE_URL", "DATABASE_URL"}, Secret: true,
			Description: "PostgreSQL URL (postgresql+asyncpg:// and postgres:// forms are normalised)",
			apply:       setString(func(c *Config) *string { return &c.DatabaseURL })},
		{Name: keyNATSURL, Env: []string{"TICKUP_NATS_URL", "NATS_URL"}, Default: "nats://127.0.0.1:4222",
			Description: "NATS server URL(s), comma-separated",
			apply:       setString(func(c *Config) *string { return &c.NATSURL })},
		{Name: keyHTTPPort, Env: []string{"TICKUP_HTTP_PORT", "BACKEND_PORT"}, Default: "8000",
			Description: "port of the public HTTP API (also the api service's health and metrics port)",
			apply:       setInt(func(c *Config) *int { return &c.HTTPPort })},
		healthPort("ticketing", "8101"),
		healthPort("wallet", "8102"),
		healthPort("draw", "8103"),
		{Name: keyLogFormat, Env: []string{"TICKUP_LOG_FORMAT"}, Default: "json",
			Description: "log format: json or text",
			apply:       setString(func(c *Config) *string { return &c.Log.Format })},
		{Name: keyLogLevel, Env: []string{"TICKUP_LOG_LEVEL"}, Default: "info",
			Description: "log level: debug, info, warn or error",
			apply:       setString(func(c *Config) *string { return &c.Log.Level })},
		{Name: keyGrace, Env: []string{"TICKUP_SHUTDOWN_GRACE"}, Default: "15s",
			Description: "time allowed for a graceful shutdown",
			apply:       setDuration(func(c *Config) *time.Duration { return &c.ShutdownGrace })},
		{Name: keyDataDir, Env: []string{"TICKUP_DATA_DIR"}, Default: "./.tickup",
			Description: "local data directory (embedded NATS store of tickup dev)",
			apply:       setString(func(c *Config) *string { return &c.DataDir })},
		{Name: keySupabaseURL, Env: []string{"TICKUP_SUPABASE_URL", "SUPABASE_URL"},
			Description: "Supabase project URL; the JWKS URL defaults from it",
			apply:       setString(func(c *Config) *string { return &c.Supabase.URL })},
		{Name: "supabase.key", Env: []string{"TICKUP_SUPABASE_KEY", "SUPABASE_KEY"}, Secret: true,
			Description: "Supabase API key (accepted, not needed)",
			apply:       setString(func(c *Config) *string { return &c.Supabase.Key })},
		{Name: keyJWTSecret, Env: []string{"TICKUP_SUPABASE_JWT", "SUPABASE_JWT"}, Secret: true,
			Description: "HS256 secret that signs access tokens",
			apply:       setString(func(c *Config) *string { return &c.Supabase.JWTSecret })},
		{Name: "supabase.jwt_issuer", Env: []string{"TICKUP_JWT_ISSUER"},
			Description: "required iss claim of access tokens (unchecked when empty)",
			apply:       setString(func(c *Config) *string { return &c.Supabase.JWTIssuer })},
		{Name: keyJWKSURL, Env: []string{"TICKUP_JWKS_URL"},
			Description: "JWKS URL for RS256/ES256 tokens (default SUPABASE_URL + /auth/v1/.well-known/jwks.json)",
			apply:       setString(func(c *Config) *string { return &c.Supabase.JWKSURL })},
		{Name: keyStripe, Env: []string{"TICKUP_WEBHOOK_STRIPE_SECRETS"}, Secret: true,
			Description: "Stripe webhook signing secrets, comma-separated (several during rotation)",
			apply:       setList(func(c *Config) *[]string { return &c.Webhooks.StripeSecrets })},
		{Name: keyGeneric, Env: []string{"TICKUP_WEBHOOK_GENERIC_SECRETS"}, Secret: true,
			Description: "Standard Webhooks secrets (whsec_…), comma-separated",
			apply:       setList(func(c *Config) *[]string { return &c.Webhooks.GenericSecrets })},
		{Name: keyNotifyURL, Env: []string{"TICKUP_NOTIFY_WEBHOOK_URL", "NOTIFY_WEBHOOK_URL"},
			Description: "URL that receives winner notifications",
			apply:       setString(func(c *Config) *string { return &c.Notify.URL })},
		{Name: "notify.secret", Env: []string{"TICKUP_NOTIFY_WEBHOOK_SECRET"}, Secret: true,
			Description: "secret that signs notification webhooks",
			apply:       setString(func(c *Config) *string { return &c.Notify.Secret })},
		{Name: keyCORS, Env: []string{"TICKUP_CORS_ORIGINS"},
			Description: "allowed browser origins, comma-separated",
			apply:       setList(func(c *Config) *[]string { return &c.CORSOrigins })},
		{Name: keyDrawBeacon, Env: []string{"TICKUP_DRAW_BEACON"}, Default: DrawBeaconOff,
			Description: "public randomness the draw terms of new pools commit to: off or drand-quicknet",
			apply:       setDrawBeacon},
		{Name: "draw.beacon_url", Env: []string{"TICKUP_DRAW_BEACON_URL"}, Default: "https://api.drand.sh",
			Description: "drand HTTP relay the draw service fetches beacon rounds from",
			apply:       setString(func(c *Config) *string { return &c.Draw.BeaconURL })},
		{Name: "draw.allow_no_beacon", Env: []string{"TICKUP_DRAW_ALLOW_NO_BEACON"}, Default: "false",
			Description: "with env prod, allow pools whose draw uses no beacon (logged at warn on each)",
			apply:       setBool(func(c *Config) *bool { return &c.Draw.AllowNoBeacon })},
		{Name: "db_roles", Env: []string{"TICKUP_DB_ROLES"}, Default: "false",
			Description: "services connect as their own database role",
			apply:       setBool(func(c *Config) *bool { return &c.DBRoles })},
		{Name: keyHoldTTL, Env: []string{"TICKUP_HOLD_TTL"}, Default: "10m",
			Description: "how long a wallet-paid purchase may wait for its hold before it fails (hold-expired)",
			apply:       setDuration(func(c *Config) *time.Duration { return &c.Holds.TTL })},
		{Name: keyHoldSweep, Env: []string{"TICKUP_HOLD_SWEEP_INTERVAL"}, Default: "5s",
			Description: "how often the api fails wallet-paid purchases past their hold deadline",
			apply:       setDuration(func(c *Config) *time.Duration { return &c.Holds.SweepInterval })},
	}, slices.Concat(limitKeys(), tracingKeys(), apiKeys(), walletKeys(), credentialKeys())...)
}

// healthPort is the key of one service's health and metrics port.
func healthPort(service, def string) Key {
	return Key{
		Name:        healthPortPrefix + service,
		Env:         []string{"TICKUP_" + strings.ToUpper(service) + "_HEALTH_PORT"},
		Default:     def,
		Description: "health and metrics port of the " + service + " service",
		apply: func(c *Config, raw string) error {
			port, err := parseInt(raw)
			c.HealthPorts[service] = port
			return err
		},
	}
}

// setDrawBeacon reads draw.beacon; empty and "none" (accepted before the key existed) mean off.
func setDrawBeacon(c *Config, raw string) error {
	c.Draw.Beacon = strings.TrimSpace(raw)
	if c.Draw.Beacon == "" || c.Draw.Beacon == "none" {
		c.Draw.Beacon = DrawBeaconOff
	}
	return nil
}

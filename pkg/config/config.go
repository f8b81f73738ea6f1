// Package config loads Tickup's configuration from defaults, tickup.yaml, a .env file and the
// process environment (in that order of precedence) and validates it.
package config

import "time"

// Config is the whole configuration of a Tickup process.
type Config struct {
	// Env is the deployment environment: "dev", "test" or "prod".
	Env string
	// DatabaseURL is the PostgreSQL URL, normalised to the postgresql:// scheme.
	DatabaseURL string
	// NATSURL is the NATS server URL (several may be comma-separated).
	NATSURL string
	// HTTPPort is the port of the public HTTP API.
	HTTPPort int
	// HealthPorts maps each service to its health and metrics port; api uses HTTPPort.
	HealthPorts map[string]int
	// Log configures the process logger.
	Log Logging
	// ShutdownGrace bounds a graceful shutdown.
	ShutdownGrace time.Duration
	// DataDir holds local state, such as the embedded NATS store of tickup dev.
	DataDir string
	// Supabase configures access-token verification.
	Supabase Supabase
	// Webhooks holds the payment providers' webhook signing secrets.
	Webhooks Webhooks
	// Notify configures the outgoing winner-notification webhook.
	Notify Notify
	// CORSOrigins lists the browser origins allowed to call the API.
	CORSOrigins []string
	// DBRoles makes each service connect as its own database role.
	DBRoles bool
	// DBPasswords maps each service to its database role's password (with DBRoles).
	DBPasswords map[string]string
	// NATSUsers maps each service, and OperatorClient, to the NATS user it connects as.
	NATSUsers map[string]NATSUser
	// Holds bounds how long a wallet-paid purchase may wait for its hold.
	Holds Holds
	// Auth configures what a verified token grants.
	Auth Auth
	// Limits bound what one caller or client IP may take from the gateway.
	Limits Limits
	// Streams bounds what the JetStream streams keep.
	Streams Streams
	// Draw configures the draw terms of new pools.
	Draw Draw
	// Tracing configures OpenTelemetry traces (off unless an OTLP endpoint is set).
	Tracing Tracing
	// Gateway holds the API gateway's own settings.
	Gateway Gateway
	// Wallet holds the wallet service's withdrawal limits.
	Wallet Wallet
}

// Holds sets the hold deadline of wallet-paid purchases. The api alone decides expiry: a
// purchase still PENDING at created_at + TTL fails (hold-expired) and the wallet releases its
// hold on that failure; the wallet never releases a purchase hold on its own clock.
type Holds struct {
	// TTL is how long after its creation a wallet-paid purchase may still be confirmed.
	TTL time.Duration
	// SweepInterval is how often the api fails the purchases past their hold deadline.
	SweepInterval time.Duration
}

// Draw configures the terms new pools are committed to, and where beacon rounds come from.
// A pool keeps the terms it was created with: changing these later never changes its draw.
type Draw struct {
	// Beacon is DrawBeaconOff or DrawBeaconQuicknet.
	Beacon string
	// BeaconURL is the drand HTTP relay.
	BeaconURL string
	// AllowNoBeacon lets env prod create pools without a beacon (an explicit, logged opt-out).
	AllowNoBeacon bool
}

// Logging configures the process logger.
type Logging struct {
	// Format is "json" or "text".
	Format string
	// Level is "debug", "info", "warn" or "error".
	Level string
}

// Supabase configures how access tokens are verified.
type Supabase struct {
	// URL is the Supabase project URL.
	URL string
	// Key is the Supabase API key; accepted for compatibility, not needed.
	Key string
	// JWTSecret is the HS256 secret that signs access tokens.
	JWTSecret string
	// JWTIssuer, when set, is the required iss claim.
	JWTIssuer string
	// JWKSURL serves the public keys of RS256/ES256 tokens.
	JWKSURL string
}

// Webhooks holds the signing secrets of incoming payment webhooks; several secrets of one
// kind are all accepted, so that they can be rotated.
type Webhooks struct {
	// StripeSecrets verify Stripe-Signature headers.
	StripeSecrets []string
	// GenericSecrets verify Standard Webhooks signatures ("whsec_…").
	GenericSecrets []string
}

// Notify configures the outgoing winner-notification webhook.
type Notify struct {
	// URL receives the notifications; empty disables them.
	URL string
	// Secret signs them.
	Secret string
}

// APIService is the HealthPorts entry of the api service, whose health port is HTTPPort.
const APIService = "api"

// jwksPath is appended to the Supabase URL when no JWKS URL is configured.
const jwksPath = "/auth/v1/.well-known/jwks.json"

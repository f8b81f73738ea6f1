package config

import "time"

// Auth configures what a verified token grants, beyond its signature.
type Auth struct {
	// AdminClaim is the dot path of the claim whose value "admin" makes an admin.
	AdminClaim string
	// JWKSRefresh is the longest a fetched JWKS is trusted before it is fetched again.
	JWKSRefresh time.Duration
	// TokenMaxTTL is the longest lifetime `tickup token` signs.
	TokenMaxTTL time.Duration
}

// Limits bound what one caller or client IP may take from the gateway.
type Limits struct {
	// ReadsPerMinutePerUser and ReadsPerMinutePerIP limit GET requests; 0 disables.
	ReadsPerMinutePerUser int
	ReadsPerMinutePerIP   int
	// StreamsPerUser and StreamsPerIP cap open event streams; 0 disables.
	StreamsPerUser int
	StreamsPerIP   int
	// ReplayMaxAge and ReplayMaxEvents bound what a resumed event stream replays.
	ReplayMaxAge    time.Duration
	ReplayMaxEvents int
}

// Streams bounds what the JetStream streams keep.
type Streams struct {
	// MaxAge and MaxBytes bound each event stream.
	MaxAge   time.Duration
	MaxBytes int64
	// DLQMaxAge and DLQMaxBytes bound the dead-letter stream.
	DLQMaxAge   time.Duration
	DLQMaxBytes int64
	// Replicas is how many copies a NATS cluster keeps of every stream and its consumers.
	Replicas int
}

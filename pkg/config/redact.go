package config

import (
	"fmt"
	"log/slog"
	"maps"
	"net/url"
	"strings"
)

// mask replaces a secret that is set; an unset secret stays empty so that output still
// shows whether it is configured.
const mask = "****"

// urlMask replaces secrets inside URLs; unlike mask it needs no escaping (as url.URL.Redacted).
const urlMask = "xxxxx"

// Redacted returns a copy of c with every secret masked: Supabase key and JWT secret,
// webhook and notification secrets, database and NATS passwords, and passwords or tokens
// inside URLs.
func (c Config) Redacted() Config {
	r := c
	r.DatabaseURL = redactURL(c.DatabaseURL, false)
	r.NATSURL = redactURLs(c.NATSURL)
	r.HealthPorts = maps.Clone(c.HealthPorts)
	r.Supabase.Key = maskSecret(c.Supabase.Key)
	r.Supabase.JWTSecret = maskSecret(c.Supabase.JWTSecret)
	r.Webhooks.StripeSecrets = maskAll(c.Webhooks.StripeSecrets)
	r.Webhooks.GenericSecrets = maskAll(c.Webhooks.GenericSecrets)
	r.Notify.URL = redactURL(c.Notify.URL, false)
	r.Notify.Secret = maskSecret(c.Notify.Secret)
	r.CORSOrigins = append([]string(nil), c.CORSOrigins...)
	r.DBPasswords, r.NATSUsers = nil, nil
	for s, p := range c.DBPasswords {
		r.DBPasswords = withEntry(r.DBPasswords, s, maskSecret(p))
	}
	for s, u := range c.NATSUsers {
		r.NATSUsers = withEntry(r.NATSUsers, s, NATSUser{User: u.User, Password: maskSecret(u.Password)})
	}
	return r
}

// plain is Config without its methods, so that formatting it does not recurse.
type plain Config

// String formats the redacted configuration; %v and %s never print a secret.
func (c Config) String() string {
	return fmt.Sprintf("%+v", plain(c.Redacted()))
}

// GoString makes %#v redacted too.
func (c Config) GoString() string {
	return c.String()
}

// LogValue makes slog log the redacted configuration.
func (c Config) LogValue() slog.Value {
	r := c.Redacted()
	return slog.GroupValue(
		slog.String("env", r.Env),
		slog.String("database_url", r.DatabaseURL),
		slog.String("nats_url", r.NATSURL),
		slog.Int("http_port", r.HTTPPort),
		slog.Any("health_ports", r.HealthPorts),
		slog.String("log_format", r.Log.Format),
		slog.String("log_level", r.Log.Level),
		slog.Duration("shutdown_grace", r.ShutdownGrace),
		slog.String("data_dir", r.DataDir),
		slog.String("supabase_url", r.Supabase.URL),
		slog.String("jwks_url", r.Supabase.JWKSURL),
		slog.Int("stripe_secrets", len(r.Webhooks.StripeSecrets)),
		slog.Int("generic_secrets", len(r.Webhooks.GenericSecrets)),
		slog.Any("cors_origins", r.CORSOrigins),
		slog.Bool("db_roles", r.DBRoles),
	)
}

func maskSecret(s string) string {
	if s == "" {
		return ""
	}
	return mask
}

func maskAll(list []string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = maskSecret(s)
	}
	return out
}

func redactURLs(raw string) string {
	parts := strings.Split(raw, ",")
	for i, p := range parts {
		parts[i] = redactURL(strings.TrimSpace(p), true)
	}
	return strings.Join(parts, ",")
}

// redactURL masks the password of a URL, a password query parameter and, when tokenUser
// is set (NATS), a user name given without a password, which is a token.
func redactURL(raw string, tokenUser bool) string {
	u, err := url.Parse(raw)
	if err != nil {
		return mask
	}
	if u.User != nil {
		if _, hasPassword := u.User.Password(); hasPassword {
			u.User = url.UserPassword(u.User.Username(), urlMask)
		} else if tokenUser {
			u.User = url.User(urlMask)
		}
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", urlMask)
		u.RawQuery = q.Encode()
	}
	return u.String()
}

package config

import (
	"encoding/base64"
	"net/url"
	"strings"
)

// minProdJWTSecret is the shortest HS256 secret accepted in prod (256 bits).
const minProdJWTSecret = 32

// genericSecretPrefix starts every Standard Webhooks secret.
const genericSecretPrefix = "whsec_"

func checkDatabaseURL(r *report, raw string) {
	if raw == "" {
		r.add(keyDatabaseURL, "required")
		return
	}
	u, err := url.Parse(NormaliseDatabaseURL(raw))
	if err != nil {
		r.add(keyDatabaseURL, "not a valid URL") // the parse error would echo the password
		return
	}
	if u.Scheme != "postgresql" {
		r.add(keyDatabaseURL, "not a postgres URL: %q", redactURL(raw, false))
	}
}

func checkNATSURL(r *report, raw string) {
	servers := splitList(raw)
	if len(servers) == 0 {
		r.add(keyNATSURL, "required")
	}
	for _, s := range servers {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" || !oneOfScheme(u, "nats", "tls", "ws", "wss") {
			r.add(keyNATSURL, "not a NATS URL: %q", redactURL(s, true))
		}
	}
}

func checkAuth(r *report, c Config) {
	checkHTTPURL(r, keySupabaseURL, c.Supabase.URL, c.Env == "prod")
	checkHTTPURL(r, keyJWKSURL, c.Supabase.JWKSURL, c.Env == "prod")
	if c.Env != "prod" {
		return
	}
	switch {
	case c.Supabase.JWTSecret == "" && c.Supabase.JWKSURL == "":
		r.add(keyJWTSecret, "prod needs SUPABASE_JWT or a JWKS URL to verify access tokens")
	case c.Supabase.JWTSecret != "" && len(c.Supabase.JWTSecret) < minProdJWTSecret:
		r.add(keyJWTSecret, "must be at least %d bytes in prod", minProdJWTSecret)
	}
}

func checkWebhooks(r *report, c Config) {
	for i, s := range c.Webhooks.GenericSecrets {
		_, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(s, genericSecretPrefix))
		if !strings.HasPrefix(s, genericSecretPrefix) || err != nil {
			r.add(keyGeneric, "secret %d is not whsec_ followed by base64", i+1)
		}
	}
	checkHTTPURL(r, keyNotifyURL, c.Notify.URL, false)
}

func checkCORS(r *report, origins []string) {
	for _, o := range origins {
		if o == "*" {
			continue
		}
		u, err := url.Parse(o)
		if err != nil || u.Host == "" || !oneOfScheme(u, "http", "https") ||
			strings.TrimSuffix(u.Path, "/") != "" || u.RawQuery != "" || u.User != nil {
			r.add(keyCORS, "not an origin such as https://app.example.com: %q", o)
		}
	}
}

// checkHTTPURL accepts an empty value or an absolute http(s) URL (https only when strict).
func checkHTTPURL(r *report, key, raw string, httpsOnly bool) {
	if raw == "" {
		return
	}
	u, err := url.Parse(raw)
	schemes := []string{"https"}
	if !httpsOnly {
		schemes = append(schemes, "http")
	}
	if err != nil || u.Host == "" || !oneOfScheme(u, schemes...) {
		r.add(key, "must be an absolute %s URL, got %q", orList(schemes), redactURL(raw, true))
	}
}

func oneOfScheme(u *url.URL, schemes ...string) bool {
	for _, s := range schemes {
		if strings.EqualFold(u.Scheme, s) {
			return true
		}
	}
	return false
}

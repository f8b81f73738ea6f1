package config

import (
	"net/url"
	"strings"
)

// NormaliseDatabaseURL rewrites the URL forms the seed used (SQLAlchemy's
// postgresql+asyncpg:// and postgresql+psycopg://, libpq's postgres://) to the
// postgresql:// form that pgx expects. asyncpg's ssl= parameter becomes sslmode=.
// Other URLs are returned unchanged, for Validate to reject.
func NormaliseDatabaseURL(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return raw
	}
	base, driver, _ := strings.Cut(strings.ToLower(scheme), "+")
	if base != "postgres" && base != "postgresql" {
		return raw
	}
	out := "postgresql://" + rest
	if driver == "asyncpg" {
		out = asyncpgSSL(out)
	}
	return out
}

// asyncpgSSL maps asyncpg's ssl=<mode|true|false> onto libpq's sslmode.
func asyncpgSSL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	q := u.Query()
	mode := strings.ToLower(q.Get("ssl"))
	if !q.Has("ssl") {
		return raw
	}
	q.Del("ssl")
	switch mode {
	case "true":
		mode = "require"
	case "false":
		mode = "disable"
	}
	if !q.Has("sslmode") && mode != "" {
		q.Set("sslmode", mode)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

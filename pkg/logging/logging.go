// Package logging builds Tickup's structured loggers (log/slog).
package logging

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// ServiceKey is the attribute that names the service a record comes from.
const ServiceKey = "service"

// redacted replaces the value of attributes whose key names a secret.
const redacted = "****"

// New returns a logger writing records in format ("json" or "text") at level ("debug",
// "info", "warn" or "error") or above. Attributes whose key names a secret (password,
// secret, token, authorization, …) are masked as a last line of defence. Records logged
// with a context that carries a span name its trace_id and span_id.
func New(w io.Writer, format, level string) (*slog.Logger, error) {
	lvl, err := ParseLevel(level)
	if err != nil {
		return nil, err
	}
	opts := &slog.HandlerOptions{Level: lvl, ReplaceAttr: maskSecrets}
	switch strings.ToLower(format) {
	case "json":
		return slog.New(traceHandler{slog.NewJSONHandler(w, opts)}), nil
	case "text":
		return slog.New(traceHandler{slog.NewTextHandler(w, opts)}), nil
	default:
		return nil, fmt.Errorf("log format %q: must be json or text", format)
	}
}

// With returns logger whose records carry service=name; every service names itself once,
// at start-up, so that the records of tickup dev's four services can be told apart.
func With(logger *slog.Logger, service string) *slog.Logger {
	return logger.With(ServiceKey, service)
}

// ParseLevel turns "debug", "info", "warn" or "error" (any case) into a slog.Level.
func ParseLevel(level string) (slog.Level, error) {
	switch strings.ToLower(level) {
	case "debug":
		return slog.LevelDebug, nil
	case "info":
		return slog.LevelInfo, nil
	case "warn":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	default:
		return 0, fmt.Errorf("log level %q: must be debug, info, warn or error", level)
	}
}

// secretKeys are attribute keys whose values are never written.
func secretKeys() map[string]bool {
	return map[string]bool{
		"password": true, "secret": true, "token": true, "authorization": true,
		"api_key": true, "jwt": true, "cookie": true,
	}
}

func maskSecrets(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() != slog.KindGroup && secretKeys()[strings.ToLower(a.Key)] {
		return slog.String(a.Key, redacted)
	}
	return a
}

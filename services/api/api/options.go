package api

import (
	"log/slog"

	"tickup.dev/services/api/internal/httpapi"
)

// Options are what a test may add to a gateway; every setting comes from pkg/config.
type Options struct {
	Log *slog.Logger // nil: a logger made from the configuration

	modules  []httpapi.Module      // extra /api/v1 modules (tests)
	onRouter func(*httpapi.Router) // sees the router once built (tests)
}

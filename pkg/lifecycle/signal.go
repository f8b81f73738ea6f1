// Package lifecycle runs the long-running components of a Tickup process and shuts them
// down gracefully: stop intake, let work in flight finish within a grace period, then close
// connections in reverse order of opening.
package lifecycle

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// SignalContext returns a context cancelled on SIGINT or SIGTERM (or with parent). Call stop
// to release the signal handlers; after that a second signal kills the process as usual.
func SignalContext(parent context.Context) (ctx context.Context, stop func()) {
	return signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
}

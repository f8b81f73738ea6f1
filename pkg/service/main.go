package service

import (
	"context"
	"fmt"
	"os"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/lifecycle"
)

// Main is the whole main function of a service binary: it loads and validates the
// configuration (one line per problem, exit 2), runs the service until SIGINT or SIGTERM,
// and exits 0 after a clean shutdown, 1 after a failure.
func Main(name string, run func(ctx context.Context, cfg config.Config) error) {
	cfg, err := config.Load(config.Options{})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: invalid configuration:\n%v\n", name, err)
		os.Exit(2)
	}
	ctx, stop := lifecycle.SignalContext(context.Background())
	defer stop()
	if err := run(ctx, cfg); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		stop()
		os.Exit(1)
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/natsserver"
)

func newDevCmd() *cobra.Command {
	var natsPort int
	cmd := &cobra.Command{
		Use:   "dev",
		Short: "Run all four services in one process with an embedded NATS JetStream server",
		Long: "Creates the database named by DATABASE_URL if it does not exist, migrates every service,\n" +
			"starts an embedded NATS server with JetStream (store under TICKUP_DATA_DIR) and runs the\n" +
			"api, ticketing, wallet and draw services until SIGINT or SIGTERM.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, settings, err := devConfig(cmd)
			if err != nil {
				return err
			}
			return runDev(cmd.Context(), cmd.OutOrStdout(), cfg, settings, natsPort)
		},
	}
	cmd.Flags().IntVar(&natsPort, "nats-port", 4222, "port of the embedded NATS server (a free one is chosen if taken)")
	return cmd
}

func runDev(ctx context.Context, out io.Writer, cfg config.Config, settings string, natsPort int) error {
	if err := prepareSecrets(out, &cfg, settings); err != nil {
		return err
	}
	if err := prepareDatabase(ctx, cfg, serviceNames()); err != nil {
		return err
	}
	if !portFree(natsPort) {
		fmt.Fprintf(out, "port %d is taken (another NATS server?): the embedded one takes a free port\n", natsPort)
		natsPort = -1
	}
	ns, err := natsserver.Start(filepath.Join(cfg.DataDir, "nats"), natsPort)
	if err != nil {
		return err
	}
	defer func() { ns.Shutdown(); ns.WaitForShutdown() }()
	cfg.NATSURL = ns.ClientURL()
	printDevURLs(out, cfg)
	return traced(ctx, cfg, "dev", func() error { return runAll(ctx, cfg) })
}

// runAll runs every service; the first to fail stops the others.
func runAll(ctx context.Context, cfg config.Config) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for _, def := range services() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := def.run(ctx, cfg); err != nil {
				mu.Lock()
				failures = append(failures, err.Error())
				mu.Unlock()
				cancel()
			}
		}()
	}
	wg.Wait()
	if len(failures) > 0 {
		return fmt.Errorf("%s", strings.Join(failures, "; "))
	}
	return nil
}

func printDevURLs(out io.Writer, cfg config.Config) {
	fmt.Fprintf(out, "Tickup is starting (stop with Ctrl-C):\n")
	fmt.Fprintf(out, "  API        http://localhost:%d/api/v1\n", cfg.HTTPPort)
	fmt.Fprintf(out, "  api        http://localhost:%d/readyz  /metrics\n", cfg.HTTPPort)
	for _, name := range []string{"ticketing", "wallet", "draw"} {
		fmt.Fprintf(out, "  %-10s http://localhost:%d/readyz  /metrics\n", name, cfg.HealthPorts[name])
	}
	fmt.Fprintf(out, "  NATS       %s (embedded, JetStream store in %s)\n", cfg.NATSURL, filepath.Join(cfg.DataDir, "nats"))
	fmt.Fprintf(out, "  Docs       http://localhost:%d/docs\n", cfg.HTTPPort)
	fmt.Fprintf(out, "An admin token (from any directory; bin/tickup is built by make run):\n")
	fmt.Fprintf(out, "  tickup token --role admin --user %s\n", devAdminUser)
}

func portFree(port int) bool {
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return false
	}
	_ = l.Close()
	return true
}

package main

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"time"

	"github.com/spf13/cobra"

	"tickup.dev/cmd/tickup/chaos"
	"tickup.dev/pkg/config"
)

func newChaosCmd() *cobra.Command {
	opts := chaos.Options{Duration: 3 * time.Minute, Faults: true, Quiesce: 5 * time.Minute}
	var report string
	var noFaults bool
	cmd := &cobra.Command{
		Use:   "chaos [--duration D] [--seed N] [--plant balance-drift] [--no-faults] [--report FILE]",
		Short: "A flash sale on a private PostgreSQL, a 3-node NATS cluster and 2 processes per service, under faults; then the invariants",
		Long: "Starts everything on loopback (initdb on a spare port, run as the postgres OS user when root; three " +
			"`tickup nats-node` processes; `tickup serve` twice per service), drives wallet and card purchases, " +
			"top-ups and cancellations (webhooks sometimes twice or late) for --duration while faults picked from " +
			"--seed kill -9 every service replica, a NATS node and the stream leader, crash and restart PostgreSQL, " +
			"pause a worker past its ack wait and stop a gateway mid-request. Once the system has quiesced it checks " +
			"the invariants (docs/resilience.md), prints the report, writes it as JSON and exits 1 on any violation.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			bin, err := os.Executable()
			if err != nil {
				return err
			}
			opts.Binary, opts.Faults, opts.Out = bin, !noFaults, cmd.ErrOrStderr()
			if opts.Dir == "" {
				if opts.Dir, err = os.MkdirTemp("", "tickup-chaos-"); err != nil {
					return err
				}
			}
			opts.Webhook = chaosWebhook
			rep, err := chaos.Run(cmd.Context(), opts)
			if err != nil {
				return fmt.Errorf("chaos run (files in %s): %w", opts.Dir, err)
			}
			rep.Print(cmd.OutOrStdout())
			if err := rep.WriteJSON(report); err != nil {
				return err
			}
			if len(rep.Violations) > 0 {
				return fmt.Errorf("%d invariant violations (seed %d; logs in %s/logs)", len(rep.Violations), rep.Seed, opts.Dir)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.DurationVar(&opts.Duration, "duration", opts.Duration, "how long the load runs (faults happen within it)")
	f.Uint64Var(&opts.Seed, "seed", rand.Uint64(), "picks the faults, their times and targets (default: random, printed)")
	f.StringVar(&opts.Plant, "plant", "", "a deliberate defect the checker must name: balance-drift")
	f.BoolVar(&noFaults, "no-faults", false, "load only")
	f.StringVar(&opts.Dir, "dir", "", "where the run keeps its databases and logs (default: a new temporary directory)")
	f.DurationVar(&opts.Quiesce, "quiesce", opts.Quiesce, "how long the system may take to settle after the load")
	f.StringVar(&report, "report", "chaos-report.json", "where to write the report")
	return cmd
}

// chaosWebhook signs a generic provider's payment.succeeded with the run's secret.
func chaosWebhook(secret, kind, id string, amount int64) (http.Header, []byte, error) {
	cfg := config.Config{Webhooks: config.Webhooks{GenericSecrets: []string{secret}}}
	return loadWebhook(cfg)(kind, id, amount)
}

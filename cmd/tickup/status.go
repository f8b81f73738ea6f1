package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
)

const statusHelp = `Prints, for the system the configuration points at:
  services   each one's GET /readyz on its configured port (http_port for the api,
             health_ports.<service> for the workers) at --host (--host '{service}' reaches
             each at its own name, as on a compose network or with Kubernetes Services)
  consumers  every durable consumer of the event streams: messages not yet delivered
             (pending), delivered but not acknowledged (ack-pending), and its dead letters
  outbox     per service schema: events written but not yet published, and the oldest's age
  dlq        how many dead letters wait (see tickup dlq ls)
Exits 1 when a service is not ready or a part could not be read.`

func newStatusCmd() *cobra.Command {
	var host string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show readiness, consumer lag, outbox backlog and dead letters of every service",
		Long:  statusHelp,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			return status(cmd.Context(), cfg, host, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&host, "host", "127.0.0.1",
		`host the services' health ports are reached at; "{service}" stands for each service's name`)
	return cmd
}

// status prints every part it can read and fails if anything is unwell or unreadable.
func status(ctx context.Context, cfg config.Config, host string, out io.Writer) error {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	defer w.Flush()
	var problems []error
	ready := readiness(ctx, cfg, host)
	printReadiness(w, ready)
	for _, r := range ready {
		if r.err != nil {
			problems = append(problems, fmt.Errorf("%s not ready", r.service))
		}
	}
	err := withBusConfig(ctx, cfg, func(ctx context.Context, conn *bus.Conn) error {
		lags, dlq, err := consumerLags(ctx, conn)
		printConsumers(w, lags, dlq)
		return err
	})
	if err != nil {
		fmt.Fprintf(w, "\nconsumers: %v\n", err)
		problems = append(problems, err)
	}
	backlogs, err := outboxBacklogs(ctx, cfg.DatabaseURL, serviceNames())
	printOutbox(w, backlogs)
	if err != nil {
		fmt.Fprintf(w, "\noutbox: %v\n", err)
		problems = append(problems, err)
	}
	if len(problems) > 0 {
		return &exitError{code: 1, err: errors.Join(problems...)}
	}
	return nil
}

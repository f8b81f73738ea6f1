package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
)

// replayHorizon is how old an event may be for a replay to be safe: consumers keep their
// inbox rows 7 days (pkg/service), and one that handled an older event would not know it.
const replayHorizon = 6 * 24 * time.Hour

const dlqHelp = `A consumer that cannot process a message (it failed MaxDeliver times, or can never
succeed, e.g. it cannot be decoded) copies it to the DLQ stream and moves on.

  tickup dlq ls                 what failed, why, when, how many deliveries, which consumer
  tickup dlq replay ID|--all    republish to the original subject with the original event id,
                                then remove from the DLQ

Fix the cause first. A replay reaches every consumer of the subject; each one's inbox skips a
message it already handled, so replaying something that took effect changes nothing.`

func newDLQCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dlq",
		Short: "List and replay dead-lettered messages",
		Long:  dlqHelp,
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newDLQListCmd(), newDLQReplayCmd())
	return cmd
}

func newDLQListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "ls",
		Short: "List the dead letters, oldest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withBus(cmd, func(ctx context.Context, conn *bus.Conn) error {
				dls, err := conn.DeadLetters(ctx)
				if err != nil {
					return err
				}
				printDeadLetters(cmd.OutOrStdout(), dls)
				return nil
			})
		},
	}
}

// printDeadLetters writes one row per dead letter; ID is what `dlq replay` takes.
func printDeadLetters(out io.Writer, dls []bus.DeadLetter) {
	if len(dls) == 0 {
		fmt.Fprintln(out, "no dead letters")
		return
	}
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tDEAD-LETTERED\tCONSUMER\tDELIVERIES\tSUBJECT\tTYPE\tEVENT-ID\tREASON")
	for _, d := range dls {
		reason := d.Reason
		if d.ReplayOf != "" {
			reason = "(again, after replay of " + d.ReplayOf + ") " + reason
		}
		fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", d.Seq, d.At.UTC().Format(time.RFC3339),
			d.Consumer, d.Deliveries, d.Subject, d.Type, d.ID, reason)
	}
	_ = w.Flush()
}

// withBus loads the configuration, connects to NATS as the operator (TICKUP_NATS_USER_OPERATOR)
// and runs fn.
func withBus(cmd *cobra.Command, fn func(ctx context.Context, conn *bus.Conn) error) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	return withBusConfig(cmd.Context(), cfg, fn)
}

func withBusConfig(ctx context.Context, cfg config.Config, fn func(ctx context.Context, conn *bus.Conn) error) error {
	user := cfg.NATSUsers[config.OperatorClient]
	conn, err := bus.Connect(ctx, cfg.NATSURL, "tickup-cli", nil, bus.UserInfo(user.User, user.Password))
	if err != nil {
		return err
	}
	defer conn.Close()
	return fn(ctx, conn)
}

// parseDLQID reads the ID column of `tickup dlq ls`.
func parseDLQID(s string) (uint64, error) {
	seq, err := strconv.ParseUint(s, 10, 64)
	if err != nil || seq == 0 {
		return 0, &exitError{code: 2, err: errors.New("dlq replay: ID must be a dead letter's ID from `tickup dlq ls`, got " + strconv.Quote(s))}
	}
	return seq, nil
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/bus"
)

func newDLQReplayCmd() *cobra.Command {
	var all, force bool
	cmd := &cobra.Command{
		Use:   "replay ID|--all",
		Short: "Republish dead letters to their original subject, then remove them from the DLQ",
		Long: dlqHelp + `

An event older than 6 days is refused unless --force: consumers forget what they handled
after 7 days, so one that had handled it would apply it again.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if all == (len(args) == 1) {
				return &exitError{code: 2, err: errors.New("dlq replay: give one ID from `tickup dlq ls`, or --all")}
			}
			var seqs []uint64
			if !all {
				seq, err := parseDLQID(args[0])
				if err != nil {
					return err
				}
				seqs = []uint64{seq}
			}
			return withBus(cmd, func(ctx context.Context, conn *bus.Conn) error {
				r := replayer{conn: conn, out: cmd.OutOrStdout(), force: force, now: time.Now()}
				if all {
					return r.replayAll(ctx)
				}
				return r.replay(ctx, seqs[0])
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "replay every dead letter")
	cmd.Flags().BoolVar(&force, "force", false, "replay events older than 6 days too")
	return cmd
}

// replayer replays dead letters and says what it did, one line each.
type replayer struct {
	conn  *bus.Conn
	out   io.Writer
	force bool
	now   time.Time
}

func (r replayer) replayAll(ctx context.Context) error {
	dls, err := r.conn.DeadLetters(ctx)
	if err != nil {
		return err
	}
	if len(dls) == 0 {
		fmt.Fprintln(r.out, "no dead letters")
		return nil
	}
	failed := 0
	for _, dl := range dls {
		if err := r.replay(ctx, dl.Seq); err != nil {
			fmt.Fprintln(r.out, "not replayed:", err)
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d dead letters not replayed", failed, len(dls))
	}
	return nil
}

func (r replayer) replay(ctx context.Context, seq uint64) error {
	dl, err := r.conn.DeadLetter(ctx, seq)
	if err != nil {
		return err
	}
	if age := r.now.Sub(dl.EventTime); !r.force && !dl.EventTime.IsZero() && age > replayHorizon {
		return fmt.Errorf("dead letter %d: event %s is %s old, past what inboxes remember; use --force if no consumer handled it",
			seq, dl.ID, age.Round(time.Hour))
	}
	if dl, err = r.conn.Replay(ctx, seq); err != nil {
		return err
	}
	fmt.Fprintf(r.out, "replayed %d: %s %s to %s (had failed in %s)\n", dl.Seq, dl.Type, dl.ID, dl.Subject, dl.Consumer)
	return nil
}

// Command tickup is the operator's binary: run the whole system for development, run one
// service, migrate, mint development tokens, audit invariants and verify draws.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/lifecycle"
)

func main() {
	ctx, stop := lifecycle.SignalContext(context.Background())
	err := newRoot().ExecuteContext(ctx)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "tickup:", err)
		var exit *exitError
		if errors.As(err, &exit) {
			os.Exit(exit.code)
		}
		os.Exit(1)
	}
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:           "tickup",
		Short:         "Operate Tickup, the raffle backend",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newDevCmd(), newServeCmd(), newMigrateCmd(), newVersionCmd(), newAuditCmd())
	root.AddCommand(newTokenCmd())
	root.AddCommand(newVerifyDrawCmd())
	root.AddCommand(newWebhookCmd())
	root.AddCommand(newLoadCmd(), newBenchReportCmd(), newNATSNodeCmd(), newChaosCmd())
	addConfigFlag(root)
	return root
}

// exitError carries a specific exit code (2 for invalid configuration).
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

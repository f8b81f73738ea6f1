package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/db"
	"tickup.dev/services/ticketing/ticketingaudit"
	"tickup.dev/services/wallet/walletaudit"
)

func newAuditCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "audit",
		Short: "Check the ledger and ticket invariants; exit 1 naming each violation",
		Long: "Connects with DATABASE_URL (a role that can read every service's schema) and checks the\n" +
			"wallet invariants (balance cache = ledger sum, available >= 0, one capture / refund / payout /\n" +
			"top-up credit per reference, no unconfirmed hold long past expiry) and the ticket invariants\n" +
			"of DESIGN.md §3, including that every ticket belongs to a confirmed purchase. Prints one line\n" +
			"per violation.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig()
			if err != nil {
				return err
			}
			n, err := audit(cmd.Context(), cfg.DatabaseURL, cmd.OutOrStdout())
			if err != nil {
				return err
			}
			if n > 0 {
				return &exitError{code: 1, err: fmt.Errorf("audit found %d violation(s)", n)}
			}
			fmt.Fprintln(cmd.OutOrStdout(), "audit clean: every invariant holds")
			return nil
		},
	}
}

// audit prints every violation and returns how many it found.
func audit(ctx context.Context, dsn string, out io.Writer) (int, error) {
	gdb, err := db.Open(ctx, dsn, db.Options{MaxOpenConns: 2})
	if err != nil {
		return 0, err
	}
	defer db.Close(gdb)
	tickets, err := ticketingaudit.Check(ctx, gdb)
	if err != nil {
		return 0, err
	}
	wallets, err := walletaudit.Check(ctx, gdb)
	if err != nil {
		return 0, err
	}
	paid, err := auditPurchases(ctx, gdb)
	if err != nil {
		return 0, err
	}
	for _, v := range tickets {
		fmt.Fprintln(out, "VIOLATION ticketing", v.String())
	}
	for _, v := range wallets {
		fmt.Fprintln(out, "VIOLATION wallet", v.String())
	}
	for _, v := range paid {
		fmt.Fprintln(out, "VIOLATION no-ticket-without-confirmed-purchase", v.Subject+":", v.Detail)
	}
	return len(tickets) + len(wallets) + len(paid), nil
}

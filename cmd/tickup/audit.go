package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/db"
	"tickup.dev/services/api/purchaseaudit"
	"tickup.dev/services/ticketing/ticketingaudit"
	"tickup.dev/services/wallet/walletaudit"
)

// auditHelp lists every check `tickup audit` runs; docs/architecture.md ("Audit") gives
// the exact rules.
const auditHelp = `Connects with DATABASE_URL (a role that can read every service's schema), checks the
invariants below and prints one line per violation: VIOLATION <area> <check> <ids>: <amounts>.
Exits 1 if there is any.

ticketing: tickets_sold = count(ticket); numbers exactly 1..tickets_sold; tickets_sold <=
  tickets_required; FULL/STARTED/DRAWN iff sold out; one ticket per purchase; prize stock >= 0;
  every ticket of a DRAWN pool WON or LOST; weight = 1 + boosts; an ISSUED outcome names its ticket.
wallet: cached balance = POSTED ledger sum; balance - ACTIVE holds >= 0 (admin debits aside);
  one capture / refund per purchase, one payout per winning ticket, one credit per top-up, one
  debit per withdrawal; no ACTIVE hold past its expiry + grace.
purchases (money across api, ticketing and wallet):
  ticket_has_confirmed_purchase         every ticket and boost has a CONFIRMED purchase
                                        (REFUNDED or DISPUTED if voided or its payment case
                                        is on record)
  wallet_ticket_captured_once_at_price  every wallet-paid ENTRY, BOOST and RETRY has exactly
                                        one POSTED capture equal to its price (a voided one
                                        at most one)
  card_ticket_payment_recorded          every card-paid ticket and boost has its provider
                                        payment recorded: provider, txn id, amount, currency
  pool_sales_equal_money_in             per pool: live paid tickets x prices = captures + card
                                        settlements - taken back by the provider - refunds
                                        (REVERSED entries do not count)
  refund_within_paid                    no purchase got back (refunds + provider refunds)
                                        more than it paid
  hold_status_known                     every hold is ACTIVE, CAPTURED or RELEASED
  released_hold_has_no_ticket           a RELEASED hold's purchase has no live ticket or boost

Work younger than --grace (a ticket not captured yet, a pool still settling, a hold the sweeper
has not reached) is left for a later run; --grace 0 audits a system at rest.`

func newAuditCmd() *cobra.Command {
	var grace time.Duration
	cmd := &cobra.Command{
		Use:   "audit",
		Short: "Check the ticket, ledger and money invariants; exit 1 naming each violation",
		Long:  auditHelp,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			n, err := audit(cmd.Context(), cfg.DatabaseURL, grace, cmd.OutOrStdout())
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
	cmd.Flags().DurationVar(&grace, "grace", purchaseaudit.DefaultGrace, "how long in-flight work may lag before it is a violation")
	return cmd
}

// audit prints every violation and returns how many it found.
func audit(ctx context.Context, dsn string, grace time.Duration, out io.Writer) (int, error) {
	if grace < 0 {
		return 0, &exitError{code: 2, err: fmt.Errorf("--grace %s: must not be negative", grace)}
	}
	gdb, err := db.Open(ctx, dsn, db.Options{MaxOpenConns: 2})
	if err != nil {
		return 0, err
	}
	defer db.Close(gdb)
	tickets, err := ticketingaudit.Check(ctx, gdb)
	if err != nil {
		return 0, err
	}
	wallets, err := walletaudit.CheckWithGrace(ctx, gdb, grace)
	if err != nil {
		return 0, err
	}
	money, err := purchaseaudit.CheckWithGrace(ctx, gdb, grace)
	if err != nil {
		return 0, err
	}
	for _, v := range tickets {
		fmt.Fprintln(out, "VIOLATION ticketing", v.String())
	}
	for _, v := range wallets {
		fmt.Fprintln(out, "VIOLATION wallet", v.String())
	}
	for _, v := range money {
		fmt.Fprintln(out, "VIOLATION purchases", v.String())
	}
	return len(tickets) + len(wallets) + len(money), nil
}

package wallet_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/wallet/internal/ports"
	"tickup.dev/services/wallet/internal/wallettest"
)

// TestAdminActionsNeverTakeAWalletBelowZero: an admin debit or reversal that would leave less
// than the active holds (or less than zero) is refused with a problem and changes nothing, and
// a completed payout's debit cannot be reversed (the money left; a return is a new credit).
func TestAdminActionsNeverTakeAWalletBelowZero(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	handled := int64(0)
	deliver := func(ev events.Event) {
		env.Publish(t, ev)
		handled++
		env.WaitHandled(t, ports.DurableAPI, handled)
	}
	tests := []struct {
		name    string
		arrange func(t *testing.T, user string) func() error // the admin action to try
		status  int
		problem string
		balance int64
	}{
		{"an admin debit beyond what is available", func(t *testing.T, user string) func() error {
			env.Fund(t, user, 1000)
			deliver(wallettest.NewPurchase(user, uuid.NewString(), 600).Created())
			return func() error {
				_, err := env.Client.Adjust(ctx, walletrpc.AdjustmentRequest{Actor: "admin-1", UserID: user,
					Direction: "DEBIT", AmountCents: 500, Reason: "clawback"})
				return err
			}
		}, http.StatusUnprocessableEntity, walletrpc.ProblemInsufficientFunds, 1000},
		{"reversing a refund that is held for a purchase", func(t *testing.T, user string) func() error {
			card := wallettest.NewPurchase(user, uuid.NewString(), 1200)
			card.Method = events.PaymentProvider
			env.Publish(t, card.Rejected())
			env.WaitCount(t, 1, "store credit", `SELECT count(*) FROM wallet_ledger WHERE ref_purchase_id = ?`, card.PurchaseID)
			deliver(wallettest.NewPurchase(user, uuid.NewString(), 1000).Created())
			refund := env.Count(t, `SELECT entry_id FROM wallet_ledger WHERE ref_purchase_id = ?`, card.PurchaseID)
			return func() error {
				_, err := env.Client.Reverse(ctx, walletrpc.ReversalRequest{Actor: "admin-1", EntryID: refund, Reason: "goodwill withdrawn"})
				return err
			}
		}, http.StatusUnprocessableEntity, walletrpc.ProblemInsufficientFunds, 1200},
		{"reversing a completed payout's debit", func(t *testing.T, user string) func() error {
			env.Fund(t, user, 5000)
			w := requestApproved(t, env, user, 3000)
			deliver(events.WithdrawalSucceeded(withdrawalEvent(w, "po_"+user)))
			return func() error {
				_, err := env.Client.Reverse(ctx, walletrpc.ReversalRequest{Actor: "admin-1", EntryID: *w.EntryID, Reason: "oops"})
				return err
			}
		}, http.StatusConflict, walletrpc.ProblemConflict, 2000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user := uuid.NewString()
			act := tt.arrange(t, user)
			before := ledgerState(t, env)
			wantProblem(t, act(), tt.status, tt.problem)
			if w := env.Wallet(t, user); w.BalanceCents != tt.balance || w.AvailableCents < 0 {
				t.Fatalf("wallet %+v, want %d and nothing negative", w, tt.balance)
			}
			if after := ledgerState(t, env); after != before {
				t.Fatalf("the refused action changed the ledger: %s, then %s", before, after)
			}
		})
	}
	env.AssertAuditClean(t)
}

// ledgerState is every entry's id and status, to show that a refused action changed nothing.
func ledgerState(t *testing.T, env *wallettest.Env) string {
	t.Helper()
	var s string
	if err := env.Admin.Raw(`SELECT coalesce(string_agg(entry_id || ':' || status, ',' ORDER BY entry_id), '') FROM wallet_ledger`).
		Scan(&s).Error; err != nil {
		t.Fatal(err)
	}
	return s
}

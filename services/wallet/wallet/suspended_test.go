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

// TestSuspendedWalletCannotPayOrWithdrawButReceivesRefunds suspends a wallet after a
// purchase was captured: new purchases and withdrawals are refused, refunds still arrive.
func TestSuspendedWalletCannotPayOrWithdrawButReceivesRefunds(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user, pool := uuid.NewString(), uuid.NewString()
	env.Fund(t, user, 5000)
	paid := wallettest.NewPurchase(user, pool, 1000)
	env.Publish(t, paid.Created())
	env.WaitHandled(t, ports.DurableAPI, 1)
	env.Publish(t, paid.Issued())
	env.WaitHandled(t, ports.DurableTicketing, 1)

	w, err := env.Client.Suspend(ctx, walletrpc.StatusRequest{Actor: "admin-1", UserID: user, Reason: "chargeback review"})
	if err != nil || w.Status != "SUSPENDED" {
		t.Fatalf("suspend: %+v, %v", w, err)
	}
	env.Publish(t, wallettest.NewPurchase(user, pool, 100).Created())
	env.WaitHandled(t, ports.DurableAPI, 2)
	env.WaitEvents(t, events.TypeHoldRejected, 1)
	if r := wallettest.Events[events.HoldRejected](t, env, events.TypeHoldRejected)[0]; r.Reason != events.HoldRejectedWalletSuspended {
		t.Fatalf("rejected for %q, want %q", r.Reason, events.HoldRejectedWalletSuspended)
	}
	_, err = env.Client.RequestWithdrawal(ctx, walletrpc.WithdrawalCreateRequest{UserID: user, AmountCents: 1000,
		Provider: "generic", Destination: "acct-1"})
	wantProblem(t, err, http.StatusConflict, walletrpc.ProblemWalletSuspended)

	card := wallettest.NewPurchase(user, pool, 700)
	card.Method = events.PaymentProvider
	env.Publish(t, paid.Voided())
	env.Publish(t, card.Voided())
	env.WaitHandled(t, ports.DurableTicketing, 3)
	if got := env.Wallet(t, user); got.BalanceCents != 5700 || got.Status != "SUSPENDED" {
		t.Fatalf("suspended wallet after refunds: %+v, want 5000 back plus the 700 card refund", got)
	}
	if w, err := env.Client.Activate(ctx, walletrpc.StatusRequest{Actor: "admin-1", UserID: user}); err != nil || w.Status != "ACTIVE" {
		t.Fatalf("activate: %+v, %v", w, err)
	}
	env.AssertAuditClean(t)
}

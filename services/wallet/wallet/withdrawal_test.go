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

func withdrawalEvent(w walletrpc.Withdrawal, txn string) events.Withdrawal {
	return events.Withdrawal{SchemaVersion: events.SchemaVersion, WithdrawalID: w.WithdrawalID, UserID: w.UserID,
		Provider: w.Provider, ProviderTxnID: txn, AmountCents: w.AmountCents, Currency: w.Currency}
}

// requestApproved requests a withdrawal of amount and has an admin approve it.
func requestApproved(t *testing.T, env *wallettest.Env, user string, amount int64) walletrpc.Withdrawal {
	t.Helper()
	ctx := context.Background()
	w, err := env.Client.RequestWithdrawal(ctx, walletrpc.WithdrawalCreateRequest{UserID: user, AmountCents: amount,
		Provider: "generic", Destination: "IT60X0542811101000000123456"})
	if err != nil {
		t.Fatal(err)
	}
	if w.Status != "REQUESTED" {
		t.Fatalf("new withdrawal is %s", w.Status)
	}
	if got := env.Wallet(t, user); got.HeldCents != amount {
		t.Fatalf("requested withdrawal holds %d, want %d", got.HeldCents, amount)
	}
	w, err = env.Client.ApproveWithdrawal(ctx, walletrpc.DecisionRequest{Actor: "admin-1", WithdrawalID: w.WithdrawalID})
	if err != nil || w.Status != "PROCESSING" || w.EntryID == nil {
		t.Fatalf("approve: %+v, %v", w, err)
	}
	return w
}

func TestWithdrawalHappyPath(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	user := uuid.NewString()
	env.Fund(t, user, 10000)
	w := requestApproved(t, env, user, 3000)
	if got := env.Wallet(t, user); got.BalanceCents != 10000 || got.AvailableCents != 7000 {
		t.Fatalf("processing withdrawal: %+v, want balance 10000 (entry PENDING), 7000 available", got)
	}
	_, err := env.Client.ApproveWithdrawal(context.Background(), walletrpc.DecisionRequest{Actor: "admin-1", WithdrawalID: w.WithdrawalID})
	wantProblem(t, err, http.StatusConflict, walletrpc.ProblemConflict)

	env.Publish(t, events.WithdrawalSucceeded(withdrawalEvent(w, "po_1")))
	env.Publish(t, events.WithdrawalSucceeded(withdrawalEvent(w, "po_1")))
	env.WaitHandled(t, ports.DurableAPI, 2)
	done, err := env.Client.Withdrawal(context.Background(), walletrpc.WithdrawalRequest{UserID: user, WithdrawalID: w.WithdrawalID})
	if err != nil || done.Status != "COMPLETED" || done.ProviderTxnID != "po_1" {
		t.Fatalf("after success: %+v, %v", done, err)
	}
	if got := env.Wallet(t, user); got.BalanceCents != 7000 || got.HeldCents != 0 || got.AvailableCents != 7000 {
		t.Fatalf("completed withdrawal: %+v, want 7000 and nothing held", got)
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE reason = 'WITHDRAWAL' AND status = 'POSTED'`); n != 1 {
		t.Fatalf("%d posted withdrawal debits, want 1", n)
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_hold WHERE withdrawal_id = ? AND status = 'CAPTURED'`, w.WithdrawalID); n != 1 {
		t.Fatal("the withdrawal's hold is not captured")
	}
	env.AssertAuditClean(t)
}

func TestWithdrawalFailurePath(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	user := uuid.NewString()
	env.Fund(t, user, 10000)
	w := requestApproved(t, env, user, 4000)
	failed := withdrawalEvent(w, "po_2")
	failed.Reason = "account closed"
	env.Publish(t, events.WithdrawalFailed(failed))
	env.WaitHandled(t, ports.DurableAPI, 1)

	got, err := env.Client.Withdrawal(context.Background(), walletrpc.WithdrawalRequest{UserID: user, WithdrawalID: w.WithdrawalID})
	if err != nil || got.Status != "FAILED" || got.FailureReason != "account closed" {
		t.Fatalf("after failure: %+v, %v", got, err)
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE entry_id = ? AND status = 'REVERSED'`, *w.EntryID); n != 1 {
		t.Fatal("the withdrawal's entry is not REVERSED")
	}
	if got := env.Wallet(t, user); got.BalanceCents != 10000 || got.AvailableCents != 10000 {
		t.Fatalf("failed withdrawal: %+v, want everything back", got)
	}
	env.AssertAuditClean(t)
}

// TestWithdrawalLimitsAndDecisions checks the minimum, the 24-hour total, the available
// funds and the required fields, and that rejected and cancelled requests free their hold.
func TestWithdrawalLimitsAndDecisions(t *testing.T) {
	env := wallettest.New(t)
	// The limits through their settings, as an operator sets them.
	env.Start(t, "TICKUP_WALLET_MIN_WITHDRAWAL_CENTS=1000", "TICKUP_WALLET_DAILY_WITHDRAWAL_CENTS=5000")
	ctx := context.Background()
	user := uuid.NewString()
	env.Fund(t, user, 20000)
	ask := func(amount int64) (walletrpc.Withdrawal, error) {
		return env.Client.RequestWithdrawal(ctx, walletrpc.WithdrawalCreateRequest{UserID: user, AmountCents: amount,
			Provider: "generic", Destination: "acct-1"})
	}
	_, err := ask(999)
	wantProblem(t, err, http.StatusUnprocessableEntity, walletrpc.ProblemLimitExceeded)
	first, err := ask(3000)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ask(2000); err != nil {
		t.Fatal(err)
	}
	_, err = ask(1000)
	wantProblem(t, err, http.StatusUnprocessableEntity, walletrpc.ProblemLimitExceeded)

	if w, err := env.Client.CancelWithdrawal(ctx, walletrpc.WithdrawalRequest{UserID: user, WithdrawalID: first.WithdrawalID}); err != nil || w.Status != "CANCELLED" {
		t.Fatalf("cancel: %+v, %v", w, err)
	}
	third, err := ask(1000)
	if err != nil {
		t.Fatalf("a cancelled withdrawal still counts against the daily limit: %v", err)
	}
	rejected, err := env.Client.RejectWithdrawal(ctx, walletrpc.DecisionRequest{Actor: "admin-1", WithdrawalID: third.WithdrawalID, Reason: "KYC"})
	if err != nil || rejected.Status != "REJECTED" || rejected.DecisionReason != "KYC" {
		t.Fatalf("reject: %+v, %v", rejected, err)
	}
	if got := env.Wallet(t, user); got.HeldCents != 2000 {
		t.Fatalf("held %d, want only the 2000 still requested", got.HeldCents)
	}
	_, err = env.Client.RequestWithdrawal(ctx, walletrpc.WithdrawalCreateRequest{UserID: user, AmountCents: 1000, Provider: "generic"})
	wantProblem(t, err, http.StatusUnprocessableEntity, walletrpc.ProblemValidation)
	env.AssertAuditClean(t)
}

func TestWithdrawalNeedsAvailableFunds(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	user := uuid.NewString()
	env.Fund(t, user, 1500)
	env.Publish(t, wallettest.NewPurchase(user, uuid.NewString(), 1000).Created())
	env.WaitHandled(t, ports.DurableAPI, 1)
	_, err := env.Client.RequestWithdrawal(context.Background(), walletrpc.WithdrawalCreateRequest{UserID: user,
		AmountCents: 1000, Provider: "generic", Destination: "acct-1"})
	wantProblem(t, err, http.StatusUnprocessableEntity, walletrpc.ProblemInsufficientFunds)
}

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

// captureEntry is the ledger entry that captured purchase p.
func captureEntry(t *testing.T, env *wallettest.Env, p wallettest.Purchase) int64 {
	t.Helper()
	return env.Count(t, `SELECT entry_id FROM wallet_ledger WHERE reason = 'TICKET_PURCHASE' AND ref_purchase_id = ?`, p.PurchaseID)
}

// TestReversedCaptureThenCancellationRefundsOnce: fund 1,000, pay 400 from the wallet, an
// admin reverses the capture (the 400 is back), then the pool is cancelled: the ticket.voided
// (delivered twice) gives nothing more, so the wallet ends at 1,000, not 1,400.
func TestReversedCaptureThenCancellationRefundsOnce(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	user := uuid.NewString()
	env.Fund(t, user, 1000)
	p := wallettest.NewPurchase(user, uuid.NewString(), 400)
	captureWalletPaid(t, env, []wallettest.Purchase{p})

	_, err := env.Client.Reverse(context.Background(), walletrpc.ReversalRequest{Actor: "admin-1",
		EntryID: captureEntry(t, env, p), Reason: "customer complaint"})
	if err != nil {
		t.Fatalf("reverse the capture: %v", err)
	}
	env.Publish(t, p.Voided())
	env.Publish(t, p.Voided())
	env.WaitHandled(t, ports.DurableTicketing, 3)

	if w := env.Wallet(t, user); w.BalanceCents != 1000 || w.AvailableCents != 1000 {
		t.Fatalf("wallet %+v, want 1000: the purchase was given back twice", w)
	}
	env.AssertAuditClean(t)
}

// TestRefundedPurchaseCaptureCannotBeReversed is the same pair in the other order: the pool is
// cancelled (400 refunded), then an admin tries to reverse the capture: refused, nothing moves.
func TestRefundedPurchaseCaptureCannotBeReversed(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	user := uuid.NewString()
	env.Fund(t, user, 1000)
	p := wallettest.NewPurchase(user, uuid.NewString(), 400)
	captureWalletPaid(t, env, []wallettest.Purchase{p})
	env.Publish(t, p.Voided())
	env.WaitHandled(t, ports.DurableTicketing, 2)

	_, err := env.Client.Reverse(context.Background(), walletrpc.ReversalRequest{Actor: "admin-1",
		EntryID: captureEntry(t, env, p), Reason: "customer complaint"})
	wantProblem(t, err, http.StatusConflict, walletrpc.ProblemConflict)
	if w := env.Wallet(t, user); w.BalanceCents != 1000 {
		t.Fatalf("wallet %+v, want 1000", w)
	}
	env.AssertAuditClean(t)
}

// TestReversingATopUpUnderAWithdrawalHoldCannotGoNegative: a 1,000 top-up is fully held by a
// requested withdrawal; reversing the top-up's credit would leave -1,000 available (and the
// withdrawal payable): it is refused and nothing changes.
func TestReversingATopUpUnderAWithdrawalHoldCannotGoNegative(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user := uuid.NewString()
	topup, err := env.Client.CreateTopup(ctx, walletrpc.CreateTopupRequest{UserID: user, AmountCents: 1000, Provider: "generic"})
	if err != nil {
		t.Fatal(err)
	}
	env.Publish(t, events.TopupSucceeded(topupEvent(topup, "pi_1")))
	env.WaitHandled(t, ports.DurableAPI, 1)
	_, err = env.Client.RequestWithdrawal(ctx, walletrpc.WithdrawalCreateRequest{UserID: user, AmountCents: 1000,
		Provider: "generic", Destination: "acct-1"})
	if err != nil {
		t.Fatal(err)
	}
	credit := env.Count(t, `SELECT entry_id FROM wallet_ledger WHERE reason = 'TOPUP' AND ref_topup_id = ?`, topup.TopupID)

	_, err = env.Client.Reverse(ctx, walletrpc.ReversalRequest{Actor: "admin-1", EntryID: credit, Reason: "chargeback"})
	wantProblem(t, err, http.StatusUnprocessableEntity, walletrpc.ProblemInsufficientFunds)
	if w := env.Wallet(t, user); w.BalanceCents != 1000 || w.HeldCents != 1000 || w.AvailableCents != 0 {
		t.Fatalf("wallet %+v, want 1000 held by the withdrawal, unchanged", w)
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE entry_id = ? AND status = 'POSTED'`, credit); n != 1 {
		t.Fatal("the top-up credit was reversed")
	}
	env.AssertAuditClean(t)
}

// TestApprovingAWithdrawalRechecksFunds: a withdrawal of 1,000 is requested while the wallet
// holds 1,000; before the approval the balance drops to 400 (planted here as an older release
// allowed it: a debit booked without regard to holds). The approval re-checks the funds under
// the wallet's lock and is refused; the withdrawal stays REQUESTED and no debit is booked.
func TestApprovingAWithdrawalRechecksFunds(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user := uuid.NewString()
	wallet := env.Fund(t, user, 1000)
	w, err := env.Client.RequestWithdrawal(ctx, walletrpc.WithdrawalCreateRequest{UserID: user, AmountCents: 1000,
		Provider: "generic", Destination: "acct-1"})
	if err != nil {
		t.Fatal(err)
	}
	plant := env.Admin.Exec(`INSERT INTO wallet_ledger (wallet_id, direction, reason, status, amount_cents, currency, actor, note, posted_at)
		VALUES (?, 'DEBIT', 'ADJUSTMENT', 'POSTED', 600, 'EUR', 'admin-0', 'clawback by an older release', now())`, wallet)
	if plant.Error != nil {
		t.Fatal(plant.Error)
	}
	if err := env.Admin.Exec(`UPDATE wallet_account SET balance_cents = balance_cents - 600 WHERE wallet_id = ?`, wallet).Error; err != nil {
		t.Fatal(err)
	}

	_, err = env.Client.ApproveWithdrawal(ctx, walletrpc.DecisionRequest{Actor: "admin-1", WithdrawalID: w.WithdrawalID})
	wantProblem(t, err, http.StatusUnprocessableEntity, walletrpc.ProblemInsufficientFunds)
	got, err := env.Client.Withdrawal(ctx, walletrpc.WithdrawalRequest{UserID: user, WithdrawalID: w.WithdrawalID})
	if err != nil || got.Status != "REQUESTED" || got.EntryID != nil {
		t.Fatalf("withdrawal after a refused approval: %+v, %v", got, err)
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE reason = 'WITHDRAWAL'`); n != 0 {
		t.Fatalf("%d withdrawal debits booked, want none", n)
	}
}

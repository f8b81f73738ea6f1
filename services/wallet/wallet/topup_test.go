package wallet_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/wallet/internal/ports"
	"tickup.dev/services/wallet/internal/wallettest"
)

func topupEvent(topup walletrpc.Topup, txn string) events.Topup {
	return events.Topup{SchemaVersion: events.SchemaVersion, TopupID: topup.TopupID, UserID: topup.UserID,
		Provider: topup.Provider, ProviderTxnID: txn, AmountCents: topup.AmountCents, Currency: topup.Currency}
}

// TestTopupSuccessDeliveredFiveTimesCreditsOnce delivers one provider success five times at
// once (five message ids, one provider_txn_id) to two replicas: the wallet is credited once.
// A later success naming another transaction (a second collection) is not credited: it is
// recorded as an unmatched payment for an operator.
func TestTopupSuccessDeliveredFiveTimesCreditsOnce(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	env.Start(t)
	user := uuid.NewString()
	topup, err := env.Client.CreateTopup(context.Background(), walletrpc.CreateTopupRequest{UserID: user, AmountCents: 2500, Provider: "stripe"})
	if err != nil {
		t.Fatal(err)
	}
	if topup.Status != "CREATED" || topup.Currency != "EUR" {
		t.Fatalf("new top-up %+v, want CREATED in EUR", topup)
	}
	succeeded := events.TopupSucceeded(topupEvent(topup, "pi_123"))
	inParallel(t, 5, func(int) error { return env.SendNew(succeeded) })
	env.WaitHandled(t, ports.DurableAPI, 5)
	env.Publish(t, events.TopupSucceeded(topupEvent(topup, "pi_other")))
	env.WaitHandled(t, ports.DurableAPI, 6)

	if n := env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE reason = 'TOPUP' AND ref_topup_id = ?`, topup.TopupID); n != 1 {
		t.Fatalf("%d TOPUP entries, want 1", n)
	}
	if n := env.Count(t, `SELECT count(*) FROM unmatched_payment WHERE provider_txn_id = 'pi_other' AND status = 'OPEN'`); n != 1 {
		t.Fatalf("%d unmatched payments for the second collection, want 1", n)
	}
	got, err := env.Client.Topup(context.Background(), walletrpc.TopupRequest{UserID: user, TopupID: topup.TopupID})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != "COMPLETED" || got.ProviderTxnID != "pi_123" || got.CompletedAt == nil || got.EntryID == nil {
		t.Fatalf("top-up after success: %+v", got)
	}
	if w := env.Wallet(t, user); w.BalanceCents != 2500 || w.AvailableCents != 2500 {
		t.Fatalf("wallet %+v, want 2500 cents", w)
	}
	env.WaitEvents(t, events.TypeEntryPosted, 1)
	env.AssertAuditClean(t)
}

// TestTopupLifecycle walks a top-up through processing and failure, and shows that only the
// owner can see or cancel one, and only before processing.
func TestTopupLifecycle(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user, stranger := uuid.NewString(), uuid.NewString()
	create := walletrpc.CreateTopupRequest{UserID: user, AmountCents: 1000, Provider: "generic"}
	first, err := env.Client.CreateTopup(ctx, create)
	if err != nil {
		t.Fatal(err)
	}
	second, err := env.Client.CreateTopup(ctx, create)
	if err != nil {
		t.Fatal(err)
	}
	_, err = env.Client.CancelTopup(ctx, walletrpc.TopupRequest{UserID: stranger, TopupID: first.TopupID})
	wantProblem(t, err, http.StatusNotFound, walletrpc.ProblemNotFound)
	cancelled, err := env.Client.CancelTopup(ctx, walletrpc.TopupRequest{UserID: user, TopupID: first.TopupID})
	if err != nil || cancelled.Status != "CANCELLED" {
		t.Fatalf("cancel: %+v, %v", cancelled, err)
	}

	env.Publish(t, events.TopupProcessing(topupEvent(second, "txn-2")))
	env.WaitHandled(t, ports.DurableAPI, 1)
	_, err = env.Client.CancelTopup(ctx, walletrpc.TopupRequest{UserID: user, TopupID: second.TopupID})
	wantProblem(t, err, http.StatusConflict, walletrpc.ProblemConflict)
	failed := topupEvent(second, "txn-2")
	failed.Reason = "card declined"
	env.Publish(t, events.TopupFailed(failed))
	env.WaitHandled(t, ports.DurableAPI, 2)

	page, err := env.Client.Topups(ctx, walletrpc.ListRequest{UserID: user, Limit: 1})
	if err != nil || len(page.Items) != 1 || page.Items[0].TopupID != second.TopupID || page.Items[0].Status != "FAILED" {
		t.Fatalf("first page %+v, %v: want the failed top-up", page, err)
	}
	page, err = env.Client.Topups(ctx, walletrpc.ListRequest{UserID: user, Limit: 1, Cursor: page.NextCursor})
	if err != nil || len(page.Items) != 1 || page.Items[0].TopupID != first.TopupID || page.NextCursor != "" {
		t.Fatalf("last page %+v, %v: want the cancelled top-up", page, err)
	}
	if w := env.Wallet(t, user); w.BalanceCents != 0 {
		t.Fatalf("balance %d after no completed top-up", w.BalanceCents)
	}
	env.AssertAuditClean(t)
}

// wantProblem fails unless err carries a problem with status and type.
func wantProblem(t *testing.T, err error, status int, typ string) {
	t.Helper()
	var p *rpc.Problem
	if !errors.As(err, &p) || p.Status != status || p.Type != typ {
		t.Fatalf("got %v, want a %d %s problem", err, status, typ)
	}
}

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

// TestUnmatchedPaymentsAreListedAndResolvedOnce: reports that cannot apply (an unknown
// top-up, a second collection of a completed one, a payout for an unknown withdrawal) are
// each recorded once however often they are redelivered, listed for admins, and resolved once.
func TestUnmatchedPaymentsAreListedAndResolvedOnce(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user := uuid.NewString()
	topup, err := env.Client.CreateTopup(ctx, walletrpc.CreateTopupRequest{UserID: user, AmountCents: 1500, Provider: "stripe"})
	if err != nil {
		t.Fatal(err)
	}
	unknownTopup := topupEvent(walletrpc.Topup{TopupID: uuid.NewString(), Provider: "stripe", AmountCents: 900, Currency: "EUR"}, "pi_stray")
	unknownPayout := events.Withdrawal{SchemaVersion: events.SchemaVersion, WithdrawalID: uuid.NewString(), Provider: "generic",
		ProviderTxnID: "po_stray", AmountCents: 700, Currency: "EUR"}
	sent := []events.Event{
		events.TopupSucceeded(topupEvent(topup, "pi_1")),
		events.TopupSucceeded(topupEvent(topup, "pi_2")), // collected twice
		events.TopupSucceeded(topupEvent(topup, "pi_2")),
		events.TopupSucceeded(unknownTopup),
		events.TopupSucceeded(unknownTopup),
		events.WithdrawalSucceeded(unknownPayout),
	}
	for _, ev := range sent {
		env.Publish(t, ev)
	}
	env.WaitHandled(t, ports.DurableAPI, int64(len(sent)))
	if w := env.Wallet(t, user); w.BalanceCents != 1500 {
		t.Fatalf("balance %d, want the one matching collection (1500)", w.BalanceCents)
	}
	_, err = env.Client.UnmatchedPayments(ctx, walletrpc.ListUnmatchedRequest{})
	wantProblem(t, err, http.StatusUnprocessableEntity, walletrpc.ProblemValidation)
	page, err := env.Client.UnmatchedPayments(ctx, walletrpc.ListUnmatchedRequest{Actor: "admin-1", Status: "OPEN", Limit: 2})
	if err != nil || len(page.Items) != 2 || page.NextCursor == "" {
		t.Fatalf("first page %+v, %v", page, err)
	}
	rest, err := env.Client.UnmatchedPayments(ctx, walletrpc.ListUnmatchedRequest{Actor: "admin-1", Cursor: page.NextCursor})
	if err != nil || len(rest.Items) != 1 || rest.NextCursor != "" {
		t.Fatalf("last page %+v, %v: want 3 unmatched payments in all", rest, err)
	}
	byTxn := map[string]walletrpc.UnmatchedPayment{}
	for _, u := range append(page.Items, rest.Items...) {
		byTxn[u.ProviderTxnID] = u
	}
	if u := byTxn["pi_2"]; u.Kind != "TOPUP" || u.RefID != topup.TopupID || u.WalletID == "" || u.AmountCents != 1500 {
		t.Fatalf("second collection recorded as %+v", u)
	}
	if u := byTxn["pi_stray"]; u.WalletID != "" || u.AmountCents != 900 || u.Outcome != "SUCCEEDED" {
		t.Fatalf("unknown top-up recorded as %+v", u)
	}
	if u := byTxn["po_stray"]; u.Kind != "WITHDRAWAL" || u.AmountCents != 700 {
		t.Fatalf("unknown payout recorded as %+v", u)
	}

	id := byTxn["pi_2"].UnmatchedID
	_, err = env.Client.ResolveUnmatched(ctx, walletrpc.ResolveUnmatchedRequest{Actor: "admin-1", UnmatchedID: id})
	wantProblem(t, err, http.StatusUnprocessableEntity, walletrpc.ProblemValidation)
	done, err := env.Client.ResolveUnmatched(ctx, walletrpc.ResolveUnmatchedRequest{Actor: "admin-1", UnmatchedID: id, Resolution: "refunded pi_2"})
	if err != nil || done.Status != "RESOLVED" || done.ResolvedBy != "admin-1" || done.ResolvedAt == nil {
		t.Fatalf("resolve: %+v, %v", done, err)
	}
	_, err = env.Client.ResolveUnmatched(ctx, walletrpc.ResolveUnmatchedRequest{Actor: "admin-2", UnmatchedID: id, Resolution: "again"})
	wantProblem(t, err, http.StatusConflict, walletrpc.ProblemConflict)
	_, err = env.Client.ResolveUnmatched(ctx, walletrpc.ResolveUnmatchedRequest{Actor: "admin-1", UnmatchedID: uuid.NewString(), Resolution: "x"})
	wantProblem(t, err, http.StatusNotFound, walletrpc.ProblemNotFound)
	if open, err := env.Client.UnmatchedPayments(ctx, walletrpc.ListUnmatchedRequest{Actor: "admin-1", Status: "OPEN"}); err != nil || len(open.Items) != 2 {
		t.Fatalf("open after one resolution: %+v, %v", open, err)
	}
	env.AssertAuditClean(t)
}

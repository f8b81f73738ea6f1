package wallet_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/wallet/internal/wallettest"
)

// TestAnAdminCannotApproveAWithdrawalTheyRequested: a withdrawal records who asked for it;
// neither that person nor the wallet's owner may approve it, another admin may.
func TestAnAdminCannotApproveAWithdrawalTheyRequested(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	owner, alice, bob := uuid.NewString(), uuid.NewString(), uuid.NewString()
	env.Fund(t, owner, 10_000)
	request := func(by string) walletrpc.Withdrawal {
		t.Helper()
		w, err := env.Client.RequestWithdrawal(ctx, walletrpc.WithdrawalCreateRequest{UserID: owner, RequestedBy: by,
			AmountCents: 2000, Provider: "generic", Destination: "acct-9"})
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	approve := func(actor string, w walletrpc.Withdrawal) (walletrpc.Withdrawal, error) {
		return env.Client.ApproveWithdrawal(ctx, walletrpc.DecisionRequest{Actor: actor, WithdrawalID: w.WithdrawalID})
	}
	tests := []struct {
		name        string
		requestedBy string // "" = the owner
		refused     []string
		approver    string
	}{
		{"asked by an admin for the owner", alice, []string{alice, owner}, bob},
		{"asked by the owner", "", []string{owner}, alice},
		{"asked by a service for the owner", "service:" + bob, []string{"service:" + bob, owner}, bob},
	}
	for _, tc := range tests {
		w := request(tc.requestedBy)
		want := tc.requestedBy
		if want == "" {
			want = owner
		}
		if w.RequestedBy != want {
			t.Fatalf("%s: requested_by %q, want %q", tc.name, w.RequestedBy, want)
		}
		for _, actor := range tc.refused {
			_, err := approve(actor, w)
			wantProblem(t, err, http.StatusForbidden, walletrpc.ProblemSecondApprover)
		}
		got, err := approve(tc.approver, w)
		if err != nil || got.Status != "PROCESSING" || got.ApprovedBy != tc.approver || got.RequestedBy != want {
			t.Fatalf("%s: approved by %s: %+v, %v", tc.name, tc.approver, got, err)
		}
	}
	if n := env.Count(t, `SELECT count(*) FROM wallet_withdrawal_request WHERE approved_by = requested_by OR approved_by = user_id::text`); n != 0 {
		t.Fatalf("%d withdrawals approved by their requester or owner", n)
	}
	env.AssertAuditClean(t)
}

// TestTheDatabaseRefusesASelfApprovedWithdrawal: even a write that skips the app cannot
// store a withdrawal approved by its requester.
func TestTheDatabaseRefusesASelfApprovedWithdrawal(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	owner := uuid.NewString()
	env.Fund(t, owner, 10_000)
	w, err := env.Client.RequestWithdrawal(context.Background(), walletrpc.WithdrawalCreateRequest{UserID: owner,
		AmountCents: 2000, Provider: "generic", Destination: "acct-9"})
	if err != nil {
		t.Fatal(err)
	}
	for _, actor := range []string{owner, uuid.NewString()} {
		err := env.Admin.Exec(`UPDATE wallet_withdrawal_request SET requested_by = ?, approved_by = ? WHERE withdrawal_id = ?`,
			actor, actor, w.WithdrawalID).Error
		if err == nil {
			t.Fatalf("approved_by = requested_by = %s was stored", actor)
		}
	}
}

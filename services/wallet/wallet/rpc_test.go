package wallet_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/wallet/internal/wallettest"
)

func TestWalletLedgerAndAdminOperationsOverRPC(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user := uuid.NewString()

	w := env.Wallet(t, user)
	if w.WalletID == "" || w.Currency != "EUR" || w.Status != "ACTIVE" || w.BalanceCents != 0 || w.Holds == nil {
		t.Fatalf("first wallet %+v, want an empty ACTIVE EUR wallet", w)
	}
	for _, cents := range []int64{1000, 2000, 3000} {
		env.Fund(t, user, cents)
	}
	page, err := env.Client.Ledger(ctx, walletrpc.LedgerRequest{UserID: user, Limit: 2})
	if err != nil || len(page.Items) != 2 || page.Items[0].AmountCents != 3000 || page.NextCursor == "" {
		t.Fatalf("first ledger page %+v, %v", page, err)
	}
	page, err = env.Client.Ledger(ctx, walletrpc.LedgerRequest{UserID: user, Limit: 2, Cursor: page.NextCursor})
	if err != nil || len(page.Items) != 1 || page.Items[0].AmountCents != 1000 || page.NextCursor != "" {
		t.Fatalf("last ledger page %+v, %v", page, err)
	}
	if page, err := env.Client.Ledger(ctx, walletrpc.LedgerRequest{UserID: user, Reason: "TOPUP"}); err != nil || len(page.Items) != 0 {
		t.Fatalf("TOPUP entries %+v, %v, want none", page, err)
	}

	_, err = env.Client.Adjust(ctx, walletrpc.AdjustmentRequest{Actor: "admin-1", UserID: user, Direction: "DEBIT",
		AmountCents: 8000, Reason: "chargeback"})
	wantProblem(t, err, http.StatusUnprocessableEntity, walletrpc.ProblemInsufficientFunds) // never below zero
	debit, err := env.Client.Adjust(ctx, walletrpc.AdjustmentRequest{Actor: "admin-1", UserID: user, Direction: "DEBIT",
		AmountCents: 5000, Reason: "chargeback"})
	if err != nil || debit.Status != "POSTED" || debit.Note != "chargeback" {
		t.Fatalf("admin debit: %+v, %v", debit, err)
	}
	if w := env.Wallet(t, user); w.AvailableCents != 1000 {
		t.Fatalf("available %d after an admin debit, want 1000", w.AvailableCents)
	}
	reversed, err := env.Client.Reverse(ctx, walletrpc.ReversalRequest{Actor: "admin-1", EntryID: debit.EntryID, Reason: "chargeback won"})
	if err != nil || reversed.Status != "REVERSED" || reversed.ReversalReason != "chargeback won" {
		t.Fatalf("reverse: %+v, %v", reversed, err)
	}
	if w := env.Wallet(t, user); w.BalanceCents != 6000 {
		t.Fatalf("balance %d after the reversal, want 6000", w.BalanceCents)
	}
	_, err = env.Client.Reverse(ctx, walletrpc.ReversalRequest{Actor: "admin-1", EntryID: debit.EntryID, Reason: "again"})
	wantProblem(t, err, http.StatusConflict, walletrpc.ProblemConflict)
	env.AssertAuditClean(t)
}

func TestRPCRefusesBadRequests(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user := uuid.NewString()
	tests := []struct {
		name   string
		call   func() error
		status int
		typ    string
		field  string
	}{
		{"wallet of a bad id", func() error { _, err := env.Client.Wallet(ctx, walletrpc.WalletRequest{UserID: "me"}); return err },
			422, walletrpc.ProblemValidation, "user_id"},
		{"ledger of an unknown reason", func() error {
			_, err := env.Client.Ledger(ctx, walletrpc.LedgerRequest{UserID: user, Reason: "GIFT"})
			return err
		}, 422, walletrpc.ProblemValidation, "reason"},
		{"adjustment without reason", func() error {
			_, err := env.Client.Adjust(ctx, walletrpc.AdjustmentRequest{Actor: "a", UserID: user, Direction: "CREDIT", AmountCents: 1})
			return err
		}, 422, walletrpc.ProblemValidation, "reason"},
		{"adjustment without actor", func() error {
			_, err := env.Client.Adjust(ctx, walletrpc.AdjustmentRequest{UserID: user, Direction: "CREDIT", AmountCents: 1, Reason: "x"})
			return err
		}, 422, walletrpc.ProblemValidation, "actor"},
		{"top-up of nothing", func() error {
			_, err := env.Client.CreateTopup(ctx, walletrpc.CreateTopupRequest{UserID: user, Provider: "stripe"})
			return err
		}, 422, walletrpc.ProblemValidation, "amount_cents"},
		{"top-up in another currency", func() error {
			env.Wallet(t, user)
			_, err := env.Client.CreateTopup(ctx, walletrpc.CreateTopupRequest{UserID: user, AmountCents: 1, Currency: "USD", Provider: "stripe"})
			return err
		}, 422, walletrpc.ProblemCurrencyMismatch, ""},
		{"unknown entry", func() error {
			_, err := env.Client.Reverse(ctx, walletrpc.ReversalRequest{Actor: "a", EntryID: 999999, Reason: "x"})
			return err
		}, 404, walletrpc.ProblemNotFound, ""},
		{"suspend an unknown wallet", func() error {
			_, err := env.Client.Suspend(ctx, walletrpc.StatusRequest{Actor: "a", UserID: uuid.NewString()})
			return err
		}, 404, walletrpc.ProblemNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p *rpc.Problem
			err := tt.call()
			if !errors.As(err, &p) || p.Status != tt.status || p.Type != tt.typ || p.Detail == "" {
				t.Fatalf("got %v, want a %d %s problem with a detail", err, tt.status, tt.typ)
			}
			if tt.field != "" && p.Errors[tt.field] == "" {
				t.Fatalf("problem %+v does not name field %s", p, tt.field)
			}
		})
	}
}

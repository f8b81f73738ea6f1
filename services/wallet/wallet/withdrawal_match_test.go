package wallet_test

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/services/wallet/internal/ports"
	"tickup.dev/services/wallet/internal/wallettest"
)

// TestWithdrawalWebhookMustMatchProviderAmountAndCurrency: a payout success or failure that
// names a withdrawal but another provider, amount or currency leaves the withdrawal
// PROCESSING with its hold, and is recorded as an OPEN unmatched payment; a matching
// success completes it.
func TestWithdrawalWebhookMustMatchProviderAmountAndCurrency(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user := uuid.NewString()
	env.Fund(t, user, 10_000)
	w := requestApproved(t, env, user, 3000)
	tests := []struct {
		name   string
		failed bool
		change func(*events.Withdrawal)
	}{
		{"another provider", false, func(e *events.Withdrawal) { e.Provider = "stripe" }},
		{"another amount", false, func(e *events.Withdrawal) { e.AmountCents = 30_000 }},
		{"another currency", false, func(e *events.Withdrawal) { e.Currency = "GBP" }},
		{"a failure of another amount", true, func(e *events.Withdrawal) { e.AmountCents = 1 }},
	}
	for i, tc := range tests {
		ev := withdrawalEvent(w, "po_mismatch_"+tc.name)
		tc.change(&ev)
		if tc.failed {
			env.Publish(t, events.WithdrawalFailed(ev))
		} else {
			env.Publish(t, events.WithdrawalSucceeded(ev))
		}
		env.WaitHandled(t, ports.DurableAPI, int64(i+1))
		if n := env.Count(t, `SELECT count(*) FROM unmatched_payment WHERE provider_txn_id = ? AND ref_id = ?
			AND status = 'OPEN'`, ev.ProviderTxnID, w.WithdrawalID); n != 1 {
			t.Fatalf("%s: %d open unmatched payments recorded, want 1", tc.name, n)
		}
		got, err := env.Client.Withdrawal(ctx, walletrpc.WithdrawalRequest{UserID: user, WithdrawalID: w.WithdrawalID})
		if err != nil || got.Status != "PROCESSING" {
			t.Fatalf("%s: withdrawal %+v, %v; want it still PROCESSING", tc.name, got, err)
		}
	}
	env.Publish(t, events.WithdrawalSucceeded(withdrawalEvent(w, "po_good")))
	env.WaitHandled(t, ports.DurableAPI, int64(len(tests)+1))
	if got := env.Wallet(t, user); got.BalanceCents != 7000 || got.HeldCents != 0 {
		t.Fatalf("after the matching payout: %+v, want 7000 and nothing held", got)
	}
	env.AssertAuditClean(t)
}

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

// TestTopUpWebhookMustMatchProviderAmountAndCurrency: a provider success that names a
// top-up but another provider, amount or currency does not complete it; the money is
// recorded as an OPEN unmatched payment for operators, never dropped. A matching success
// then completes the top-up as usual.
func TestTopUpWebhookMustMatchProviderAmountAndCurrency(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user := uuid.NewString()
	topup, err := env.Client.CreateTopup(ctx, walletrpc.CreateTopupRequest{UserID: user, AmountCents: 2500, Provider: "stripe"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(*events.Topup)
	}{
		{"another provider", func(e *events.Topup) { e.Provider = "generic" }},
		{"less money", func(e *events.Topup) { e.AmountCents = 2400 }},
		{"more money", func(e *events.Topup) { e.AmountCents = 250_000 }},
		{"another currency", func(e *events.Topup) { e.Currency = "USD" }},
	}
	for i, tc := range tests {
		ev := topupEvent(topup, "pi_mismatch_"+tc.name)
		tc.change(&ev)
		env.Publish(t, events.TopupSucceeded(ev))
		env.WaitHandled(t, ports.DurableAPI, int64(i+1))
		if n := env.Count(t, `SELECT count(*) FROM unmatched_payment WHERE provider_txn_id = ? AND status = 'OPEN'
			AND ref_id = ? AND amount_cents = ? AND currency = ? AND provider = ?`,
			ev.ProviderTxnID, topup.TopupID, ev.AmountCents, ev.Currency, ev.Provider); n != 1 {
			t.Fatalf("%s: %d open unmatched payments recorded, want 1", tc.name, n)
		}
		if w := env.Wallet(t, user); w.BalanceCents != 0 {
			t.Fatalf("%s: a mismatched success credited %d cents", tc.name, w.BalanceCents)
		}
	}
	got, err := env.Client.Topup(ctx, walletrpc.TopupRequest{UserID: user, TopupID: topup.TopupID})
	if err != nil || got.Status != "CREATED" || got.ProviderTxnID != "" {
		t.Fatalf("top-up after mismatched successes: %+v, %v; want it untouched", got, err)
	}
	env.Publish(t, events.TopupSucceeded(topupEvent(topup, "pi_good")))
	env.WaitHandled(t, ports.DurableAPI, int64(len(tests)+1))
	if w := env.Wallet(t, user); w.BalanceCents != 2500 {
		t.Fatalf("a matching success credited %d, want 2500", w.BalanceCents)
	}
	env.AssertAuditClean(t)
}

// TestSuccessForACancelledTopUpIsNeverDropped: the user cancels a top-up, then the
// provider reports that it collected it after all. The money arrived for this wallet, so it
// is credited once (the top-up becomes COMPLETED), however often the success is redelivered.
func TestSuccessForACancelledTopUpIsNeverDropped(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	ctx := context.Background()
	user := uuid.NewString()
	topup, err := env.Client.CreateTopup(ctx, walletrpc.CreateTopupRequest{UserID: user, AmountCents: 2500, Provider: "generic"})
	if err != nil {
		t.Fatal(err)
	}
	if c, err := env.Client.CancelTopup(ctx, walletrpc.TopupRequest{UserID: user, TopupID: topup.TopupID}); err != nil || c.Status != "CANCELLED" {
		t.Fatalf("cancel: %+v, %v", c, err)
	}
	succeeded := events.TopupSucceeded(topupEvent(topup, "txn_late"))
	env.Publish(t, succeeded)
	env.Publish(t, succeeded)
	env.WaitHandled(t, ports.DurableAPI, 2)
	got, err := env.Client.Topup(ctx, walletrpc.TopupRequest{UserID: user, TopupID: topup.TopupID})
	if err != nil || got.Status != "COMPLETED" || got.ProviderTxnID != "txn_late" || got.EntryID == nil {
		t.Fatalf("cancelled top-up after the provider's success: %+v, %v", got, err)
	}
	if w := env.Wallet(t, user); w.BalanceCents != 2500 {
		t.Fatalf("balance %d after a 2500 success for a cancelled top-up: the money was dropped", w.BalanceCents)
	}
	env.AssertAuditClean(t)
}

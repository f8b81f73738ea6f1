package wallet_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/wallet/internal/ports"
	"tickup.dev/services/wallet/internal/wallettest"
)

// TestCancelledPoolRefundsEachPurchaseOnce cancels a pool of 100 tickets — 50 paid from ten
// wallets and captured, 50 paid by card — and delivers every ticket.voided twice under two
// message ids, shuffled, to two replicas: each purchase is refunded exactly once.
func TestCancelledPoolRefundsEachPurchaseOnce(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	env.Start(t)
	pool := uuid.NewString()
	users := make([]string, 10)
	for i := range users {
		users[i] = uuid.NewString()
		env.Fund(t, users[i], 5*price)
	}
	var purchases []wallettest.Purchase
	for i := range 100 {
		p := wallettest.NewPurchase(users[i%10], pool, price)
		if i >= 50 {
			p.Method = events.PaymentProvider
		}
		purchases = append(purchases, p)
	}
	captureWalletPaid(t, env, purchases[:50])

	voided := make([]events.TicketVoided, 0, 200)
	for _, p := range purchases {
		legacy := p.Voided()
		legacy.PaymentMethod = "" // as sent before ticketing named the method: a hold means wallet-paid
		voided = append(voided, p.Voided(), legacy)
	}
	rand.Shuffle(len(voided), func(i, j int) { voided[i], voided[j] = voided[j], voided[i] })
	inParallel(t, len(voided), func(i int) error { return env.SendNew(voided[i]) })
	env.WaitHandled(t, ports.DurableTicketing, 50+200)

	refunds := env.Count(t, `SELECT count(*) FROM wallet_ledger WHERE reason = 'REFUND'`)
	distinct := env.Count(t, `SELECT count(DISTINCT ref_purchase_id) FROM wallet_ledger WHERE reason = 'REFUND'`)
	if refunds != 100 || distinct != 100 {
		t.Fatalf("%d refunds for %d purchases, want 100 for 100", refunds, distinct)
	}
	for _, u := range users {
		// Five wallet purchases refunded back to the funding, five card purchases credited.
		if w := env.Wallet(t, u); w.BalanceCents != 10*price {
			t.Fatalf("user %s has %d, want %d", u, w.BalanceCents, 10*price)
		}
	}
	env.AssertAuditClean(t)
}

// captureWalletPaid places and captures the holds of wallet-paid purchases.
func captureWalletPaid(t *testing.T, env *wallettest.Env, ps []wallettest.Purchase) {
	t.Helper()
	inParallel(t, len(ps), func(i int) error { return env.SendNew(ps[i].Created()) })
	env.WaitCount(t, int64(len(ps)), "holds placed", `SELECT count(*) FROM wallet_hold WHERE status = 'ACTIVE'`)
	inParallel(t, len(ps), func(i int) error { return env.SendNew(ps[i].Issued()) })
	env.WaitCount(t, int64(len(ps)), fmt.Sprintf("%d captures", len(ps)),
		`SELECT count(*) FROM wallet_hold WHERE status = 'CAPTURED'`)
}

// TestRejectedCardPurchaseIsRefundedOnceAsStoreCredit: ticketing refuses a card-paid entry
// (delivered twice, once without payment_method): the amount is credited once as REFUND.
func TestRejectedCardPurchaseIsRefundedOnceAsStoreCredit(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	card := wallettest.NewPurchase(uuid.NewString(), uuid.NewString(), 1200)
	card.Method = events.PaymentProvider
	legacy := card.Rejected()
	legacy.PaymentMethod = ""
	env.Publish(t, card.Rejected())
	env.Publish(t, legacy)
	env.WaitHandled(t, ports.DurableTicketing, 2)
	if w := env.Wallet(t, card.UserID); w.BalanceCents != 1200 {
		t.Fatalf("balance %d, want the 1200 refund once", w.BalanceCents)
	}
	env.AssertAuditClean(t)
}

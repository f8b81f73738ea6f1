package wallet_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/rpc"
	"tickup.dev/services/wallet/internal/ports"
	"tickup.dev/services/wallet/internal/wallettest"
)

// TestConcurrentCaptureReversalAndCancellationGiveBackOnce races, for 30 captured purchases,
// an admin's reversal of the capture against the pool's ticket.voided on two replicas: for
// every purchase exactly one of them gives the money back (the loser is refused or credits
// nothing), and every wallet ends where it started.
func TestConcurrentCaptureReversalAndCancellationGiveBackOnce(t *testing.T) {
	env := wallettest.New(t)
	env.Start(t)
	env.Start(t)
	pool := uuid.NewString()
	users := make([]string, 5)
	for i := range users {
		users[i] = uuid.NewString()
		env.Fund(t, users[i], 6*price)
	}
	purchases := make([]wallettest.Purchase, 30)
	for i := range purchases {
		purchases[i] = wallettest.NewPurchase(users[i%len(users)], pool, price)
	}
	captureWalletPaid(t, env, purchases)
	captures := make([]int64, len(purchases))
	for i, p := range purchases {
		captures[i] = captureEntry(t, env, p)
	}

	inParallel(t, 2*len(purchases), func(i int) error {
		p := purchases[i/2]
		if i%2 == 0 {
			return env.SendNew(p.Voided())
		}
		_, err := env.Client.Reverse(context.Background(), walletrpc.ReversalRequest{Actor: "admin-1", EntryID: captures[i/2], Reason: "race"})
		var problem *rpc.Problem
		if errors.As(err, &problem) && problem.Status == http.StatusConflict {
			return nil // the refund won
		}
		return err
	})
	env.WaitHandled(t, ports.DurableTicketing, 2*int64(len(purchases)))

	for _, p := range purchases {
		back := env.Count(t, `SELECT coalesce(sum(amount_cents), 0) FROM wallet_ledger WHERE ref_purchase_id = ?
			AND ((reason = 'REFUND' AND status = 'POSTED') OR (reason = 'TICKET_PURCHASE' AND status = 'REVERSED'))`, p.PurchaseID)
		if back != price {
			t.Fatalf("purchase %s got %d back, want its %d once", p.PurchaseID, back, price)
		}
	}
	for _, u := range users {
		if w := env.Wallet(t, u); w.BalanceCents != 6*price || w.HeldCents != 0 {
			t.Fatalf("user %s: %+v, want %d and nothing held", u, w, 6*price)
		}
	}
	env.AssertAuditClean(t)
}

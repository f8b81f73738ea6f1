package e2e

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/testenv"
)

// TestHoldExpiredBeforeConfirmationNeverIssuesAFreeTicket buys from the wallet with holds
// that expire at once, and with the wallet down until every purchase's hold deadline has
// passed: each purchase ends either CONFIRMED with its ticket paid (hold CAPTURED, one
// ledger debit of its price) or FAILED with its hold RELEASED — never a ticket without a
// capture.
func TestHoldExpiredBeforeConfirmationNeverIssuesAFreeTicket(t *testing.T) {
	const purchases = 12
	cases := []struct {
		name        string
		ttl         string
		pauseWallet bool   // the wallet is down from before the purchases until every hold deadline has passed
		only        string // every purchase must end in this status; "" allows either
	}{
		{name: "1ms hold TTL", ttl: "1ms"},
		{name: "wallet paused past the TTL", ttl: "300ms", pauseWallet: true, only: "FAILED"},
		{name: "ample hold TTL", ttl: "10m", only: "CONFIRMED"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := []string{"TICKUP_HOLD_TTL=" + tc.ttl, "TICKUP_HOLD_SWEEP_INTERVAL=20ms"}
			r := startRaffleHolds(t, env)
			pool := r.createPool(t, 50, nil)
			ann, annTok := newUser(t, roleUser)
			if _, err := r.wallet.Adjust(context.Background(), walletrpc.AdjustmentRequest{Actor: r.adminID, UserID: ann,
				Direction: "CREDIT", AmountCents: purchases * rafflePrice, Reason: "test funding"}); err != nil {
				t.Fatalf("fund the wallet: %v", err)
			}
			if tc.pauseWallet {
				r.stopWallets()
			}
			r.buyFromWallet(t, annTok, pool.PoolID, purchases)
			if tc.pauseWallet {
				r.waitHoldDeadlinesPassed(t, tc.ttl)
				r.stopWallets = r.startWallets(t, env)
			}
			r.waitEveryPurchaseSettled(t, purchases)
			r.expectPaidOrReleased(t, tc.only)
		})
	}
}

// buyFromWallet posts n wallet purchases at once, each accepted.
func (r *holdsRaffle) buyFromWallet(t *testing.T, tok, poolID string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			resp, err := r.call(r.gateway, http.MethodPost, "/api/v1/purchases", tok,
				map[string]any{"pool_id": poolID, "payment_method": "wallet"}, nil)
			if err == nil && resp.Status != http.StatusAccepted {
				err = fmt.Errorf("purchase answered %d: %s", resp.Status, resp.Body)
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// waitHoldDeadlinesPassed waits until the database clock is past every purchase's
// creation plus ttl.
func (r *holdsRaffle) waitHoldDeadlinesPassed(t *testing.T, ttl string) {
	t.Helper()
	testenv.WaitFor(t, raffleWait, "every hold deadline passed", func() error {
		if n := r.count(t, `SELECT count(*) FROM purchase WHERE created_at + ?::interval >= now()`, ttl); n > 0 {
			return fmt.Errorf("%d purchases within their hold TTL", n)
		}
		return nil
	})
}

// waitEveryPurchaseSettled waits until each of the n purchases has reached its end: FAILED
// with its hold no longer ACTIVE, or CONFIRMED with its ticket recorded and its hold no
// longer ACTIVE.
func (r *holdsRaffle) waitEveryPurchaseSettled(t *testing.T, n int) {
	t.Helper()
	testenv.WaitFor(t, raffleWait, "every purchase settled", func() error {
		var settled int64
		err := r.adminDB.Raw(`SELECT count(*) FROM api.purchase p
			JOIN wallet.wallet_hold h ON h.purchase_id = p.purchase_id AND h.status <> 'ACTIVE'
			WHERE p.status = 'FAILED' OR (p.status = 'CONFIRMED' AND p.issued_ticket_id IS NOT NULL)`).Scan(&settled).Error
		if err != nil || settled != int64(n) {
			return fmt.Errorf("%d of %d settled (%v)", settled, n, err)
		}
		return nil
	})
}

// expectPaidOrReleased checks every purchase's end: a CONFIRMED one has its ticket, its
// hold CAPTURED by one DEBIT TICKET_PURCHASE of its price; a FAILED one has no ticket and
// its hold RELEASED. only, when set, is the one status allowed.
func (r *holdsRaffle) expectPaidOrReleased(t *testing.T, only string) {
	t.Helper()
	var rows []struct {
		PurchaseID, Status, HoldStatus string
		Tickets, Debits                int64
	}
	err := r.adminDB.Raw(`SELECT p.purchase_id::text AS purchase_id, p.status, h.status AS hold_status,
			(SELECT count(*) FROM ticketing.ticket k WHERE k.purchase_id = p.purchase_id) AS tickets,
			(SELECT count(*) FROM wallet.wallet_ledger e WHERE e.ref_purchase_id = p.purchase_id AND e.direction = 'DEBIT'
				AND e.reason = 'TICKET_PURCHASE' AND e.status = 'POSTED' AND e.amount_cents = p.amount_cents) AS debits
		FROM api.purchase p JOIN wallet.wallet_hold h ON h.purchase_id = p.purchase_id ORDER BY p.purchase_id`).Scan(&rows).Error
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rows {
		paid := p.Status == "CONFIRMED" && p.HoldStatus == "CAPTURED" && p.Tickets == 1 && p.Debits == 1
		released := p.Status == "FAILED" && p.HoldStatus == "RELEASED" && p.Tickets == 0 && p.Debits == 0
		if !(paid || released) || (only != "" && p.Status != only) {
			t.Errorf("purchase %s: %s, hold %s, %d tickets, %d debits: want a paid ticket or a released hold",
				p.PurchaseID, p.Status, p.HoldStatus, p.Tickets, p.Debits)
		}
	}
}

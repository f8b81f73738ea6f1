package e2e

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/testenv"
)

// TestRaffleWalletPurchasesSpendOnlyWhatIsThere: 200 concurrent wallet purchases from one
// wallet funded for 120 tickets: 120 are CONFIRMED with their tickets, 80 FAILED, and the
// wallet's available balance is never seen below zero.
func TestRaffleWalletPurchasesSpendOnlyWhatIsThere(t *testing.T) {
	const attempts, affordable = 200, 120
	r := startRaffle(t, 1)
	pool := r.createPool(t, 1000, nil)
	ann, annTok := newUser(t, roleUser)
	ctx := context.Background()
	_, err := r.wallet.Adjust(ctx, walletrpc.AdjustmentRequest{Actor: r.adminID, UserID: ann, Direction: "CREDIT",
		AmountCents: affordable * rafflePrice, Reason: "test funding"})
	if err != nil {
		t.Fatalf("fund the wallet: %v", err)
	}
	watch := r.watchAvailable(ann)
	var wg sync.WaitGroup
	errs := make(chan error, attempts)
	for range attempts {
		wg.Go(func() {
			resp, err := r.call(r.gateway, http.MethodPost, "/api/v1/purchases", annTok,
				map[string]any{"pool_id": pool.PoolID, "payment_method": "wallet", "amount_cents": rafflePrice}, nil)
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
	testenv.WaitFor(t, raffleWait, "wallet purchases settled", func() error {
		w, err := r.wallet.Wallet(ctx, walletrpc.WalletRequest{UserID: ann})
		ticketed := r.count(t, `SELECT count(*) FROM purchase WHERE status = 'CONFIRMED' AND issued_ticket_id IS NOT NULL`)
		failed := r.count(t, `SELECT count(*) FROM purchase WHERE status = 'FAILED' AND failure_reason = 'insufficient_funds'`)
		if err != nil || ticketed != affordable || failed != attempts-affordable || w.HeldCents != 0 {
			return fmt.Errorf("%d ticketed, %d failed, wallet %+v (%v)", ticketed, failed, w, err)
		}
		return nil
	})
	if lowest, samples := watch(); lowest < 0 || samples == 0 {
		t.Fatalf("the wallet's available balance went down to %d (%d samples)", lowest, samples)
	}
	w, err := r.wallet.Wallet(ctx, walletrpc.WalletRequest{UserID: ann})
	if err != nil || w.BalanceCents != 0 || w.AvailableCents != 0 {
		t.Fatalf("wallet after spending everything: %+v (%v)", w, err)
	}
	if got := len(r.myTickets(t, annTok, pool.PoolID)); got != affordable {
		t.Fatalf("%d tickets over HTTP, want %d", got, affordable)
	}
	if got := r.countPurchases(t, annTok, "status=FAILED"); got != attempts-affordable {
		t.Fatalf("%d FAILED purchases over HTTP, want %d", got, attempts-affordable)
	}
}

// watchAvailable samples a wallet's available balance until the returned function is
// called, which returns the lowest value seen and the number of samples.
func (r *raffle) watchAvailable(userID string) func() (int64, int64) {
	var lowest, samples atomic.Int64
	lowest.Store(1 << 62)
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		for {
			if w, err := r.wallet.Wallet(context.Background(), walletrpc.WalletRequest{UserID: userID}); err == nil {
				samples.Add(1)
				lowest.Store(min(lowest.Load(), w.AvailableCents))
			}
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	return func() (int64, int64) {
		close(stop)
		<-done
		return lowest.Load(), samples.Load()
	}
}

// countPurchases counts tok's purchases matching query over GET /purchases, page by page.
func (r *raffle) countPurchases(t *testing.T, tok, query string) int {
	t.Helper()
	n, cursor := 0, ""
	for {
		var page struct {
			Items      []map[string]any `json:"items"`
			NextCursor string           `json:"next_cursor"`
		}
		r.do(t, http.MethodGet, "/api/v1/purchases?limit=50&"+query+"&cursor="+cursor, tok, nil).decode(t, http.StatusOK, &page)
		n += len(page.Items)
		if cursor = page.NextCursor; cursor == "" {
			return n
		}
	}
}

// TestRaffleTopupWebhookCreditsOnce: a generic top-up success delivered five times at
// once is recorded once, forwarded once, and credits the wallet once.
func TestRaffleTopupWebhookCreditsOnce(t *testing.T) {
	r := startRaffle(t, 1)
	ctx := context.Background()
	ann := uuid.NewString()
	topup, err := r.wallet.CreateTopup(ctx, walletrpc.CreateTopupRequest{UserID: ann, AmountCents: 2500, Currency: "EUR", Provider: "generic"})
	if err != nil {
		t.Fatalf("create top-up: %v", err)
	}
	d := signedGeneric(t, "evt_topup_1", "payment.succeeded", map[string]any{"topup_id": topup.TopupID,
		"provider_txn_id": "txn_topup_1", "amount_cents": 2500, "currency": "EUR"}, raffleGenericSecret, time.Now())
	var fresh atomic.Int32
	var wg sync.WaitGroup
	errs := make(chan error, 5)
	for range 5 {
		wg.Go(func() {
			resp, err := r.call(r.gateway, http.MethodPost, d.path, "", d.body, d.header)
			if err == nil && resp.Status != http.StatusOK {
				err = fmt.Errorf("webhook answered %d: %s", resp.Status, resp.Body)
			}
			if err == nil && !jsonHas(resp.Body, `"duplicate":true`) {
				fresh.Add(1)
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
	if fresh.Load() != 1 || r.receipts(t) != 1 || r.outboxCount(t, "tickup.api.payment.topup_succeeded", topup.TopupID) != 1 {
		t.Fatalf("%d deliveries acted, %d receipts: want one of each", fresh.Load(), r.receipts(t))
	}
	testenv.WaitFor(t, raffleWait, "top-up credited", func() error {
		w, err := r.wallet.Wallet(ctx, walletrpc.WalletRequest{UserID: ann})
		if err != nil || w.BalanceCents != 2500 {
			return fmt.Errorf("wallet %+v (%v)", w, err)
		}
		return nil
	})
	ledger, err := r.wallet.Ledger(ctx, walletrpc.LedgerRequest{UserID: ann})
	if err != nil || len(ledger.Items) != 1 || ledger.Items[0].Reason != "TOPUP" || ledger.Items[0].RefExternalTxn != "txn_topup_1" {
		t.Fatalf("ledger %+v (%v): want one TOPUP entry", ledger.Items, err)
	}
}

// jsonHas reports whether a compact JSON body contains text.
func jsonHas(body []byte, text string) bool { return strings.Contains(string(body), text) }

package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
)

// TestRaffleFourHundredCardBuyersForTwoHundredFiftyTickets: 400 buyers pay by card at
// once, through two gateways, each confirmed by a signed webhook (Stripe and generic
// alternately); exactly 250 tickets numbered 1..250 are issued, the pool is FULL and the
// other 150 purchases end REFUNDED, none with a ticket. The ticketing and wallet audits
// run when the test ends.
func TestRaffleFourHundredCardBuyersForTwoHundredFiftyTickets(t *testing.T) {
	const buyers, size = 400, 250
	r := startRaffle(t, 2)
	pool := r.createPool(t, size, nil)
	toks := make([]string, buyers)
	for i := range toks {
		_, toks[i] = newUser(t, roleUser)
	}
	bought := make([]string, buyers)
	errs := make(chan error, buyers)
	var wg sync.WaitGroup
	started := time.Now()
	for i := range buyers {
		wg.Go(func() {
			var err error
			bought[i], err = r.buyByCard(i, pool.PoolID, toks[i])
			errs <- err
		})
	}
	wg.Wait()
	t.Logf("%d purchases and webhooks answered in %s", buyers, time.Since(started).Round(time.Millisecond))
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	testenv.WaitFor(t, raffleWait, "every purchase settled", func() error {
		n := r.count(t, `SELECT count(*) FROM purchase WHERE pool_id = ? AND (status = 'REFUNDED' OR issued_ticket_id IS NOT NULL)`, pool.PoolID)
		if n != buyers {
			return fmt.Errorf("%d of %d purchases settled", n, buyers)
		}
		return nil
	})
	t.Logf("%d card purchases settled in %s", buyers, time.Since(started).Round(time.Millisecond))
	refunded := r.checkOutcomes(t, pool.PoolID, toks, bought)
	var full Pool
	r.do(t, http.MethodGet, "/api/v1/pools/"+pool.PoolID, "", nil).decode(t, http.StatusOK, &full)
	// Sold out, the pool went FULL; the draw service may already have moved it on.
	if !slices.Contains([]string{"FULL", "STARTED", "DRAWN"}, full.State) || full.TicketsSold != size || refunded != buyers-size {
		t.Fatalf("pool %s with %d sold, %d refunded; want FULL (or later), %d, %d", full.State, full.TicketsSold, refunded, size, buyers-size)
	}
}

// buyByCard buys one ticket through gateway i mod n and pays it with a signed webhook.
func (r *raffle) buyByCard(i int, poolID, tok string) (string, error) {
	g := r.gateways[i%len(r.gateways)]
	provider := []string{ProviderStripe, ProviderGeneric}[i%2]
	resp, err := r.call(g, http.MethodPost, "/api/v1/purchases", tok, map[string]any{"pool_id": poolID, "provider": provider}, nil)
	var p Purchase
	if err == nil && resp.Status != http.StatusAccepted {
		err = fmt.Errorf("buyer %d: purchase answered %d: %s", i, resp.Status, resp.Body)
	}
	if err == nil {
		err = json.Unmarshal(resp.Body, &p)
	}
	if err != nil {
		return "", err
	}
	eventID, txn := fmt.Sprintf("evt_load_%d", i), fmt.Sprintf("txn_load_%d", i)
	d := signedStripe(stripeEvent(eventID, "payment_intent.succeeded", txn, p.AmountCents,
		map[string]string{"purchase_id": p.PurchaseID}), raffleStripeSecret, time.Now())
	if provider == ProviderGeneric {
		d, err = genericDelivery(eventID, "payment.succeeded", paymentData(p, txn, p.AmountCents), raffleGenericSecret, time.Now())
	}
	if err == nil {
		resp, err = r.call(g, http.MethodPost, d.path, "", d.body, d.header)
	}
	if err == nil && resp.Status != http.StatusOK {
		err = fmt.Errorf("buyer %d: webhook answered %d: %s", i, resp.Status, resp.Body)
	}
	return p.PurchaseID, err
}

// checkOutcomes reads every buyer's purchase and tickets over HTTP: a CONFIRMED purchase
// has exactly its one ticket, the numbers are 1..len(confirmed) with no gap or repeat,
// and a REFUNDED purchase has none (and cannot be redeemed). It returns the refunds.
func (r *raffle) checkOutcomes(t *testing.T, poolID string, toks, bought []string) int {
	t.Helper()
	numbers := map[int]string{}
	refunded := 0
	for i, tok := range toks {
		p, tickets := r.purchase(t, tok, bought[i]), r.myTickets(t, tok, poolID)
		switch {
		case p.Status == StatusConfirmed && len(tickets) == 1 && tickets[0].TicketID == p.IssuedTicketID:
			if other, dup := numbers[tickets[0].TicketNum]; dup {
				t.Fatalf("ticket_num %d issued twice (purchases %s and %s)", tickets[0].TicketNum, other, p.PurchaseID)
			}
			numbers[tickets[0].TicketNum] = p.PurchaseID
		case p.Status == StatusRefunded && len(tickets) == 0 && p.FailureReason != "":
			refunded++
		default:
			t.Fatalf("purchase %+v has %d tickets", p, len(tickets))
		}
	}
	for n := 1; n <= len(numbers); n++ {
		if numbers[n] == "" {
			t.Fatalf("ticket numbers have a gap at %d", n)
		}
	}
	for i, tok := range toks {
		if p := r.purchase(t, tok, bought[i]); p.Status == StatusRefunded {
			r.do(t, http.MethodPost, "/api/v1/tickets", tok, map[string]any{"pool_id": poolID, "purchase_id": p.PurchaseID}).
				problem(t, http.StatusConflict, "purchase-refunded")
			break
		}
	}
	return refunded
}

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"tickup.dev/pkg/testenv"
	"tickup.dev/services/ticketing/ticketingaudit"
	"tickup.dev/services/wallet/walletaudit"
)

// checkWorkers is how many purchases are read back over HTTP at once.
const checkWorkers = 8

// settled counts a sale's purchases by outcome.
type settled struct {
	Ticketed, Refunded, Failed, Total int
}

// waitSettled polls the api schema every 20 ms until every purchase the buyers placed on
// poolID is CONFIRMED with its ticket or REFUNDED, failing at once on an oversell or a FAILED
// purchase (each wallet holds one ticket's price). It returns when each ticket was recorded.
func (r *benchRaffle) waitSettled(poolID string, size int, buyers []*buyer) map[string]time.Time {
	r.tb.Helper()
	placed := 0
	for _, by := range buyers {
		if by.purchaseID != "" {
			placed++
		}
	}
	deadline := time.Now().Add(raffleWait + time.Duration(len(buyers))*10*time.Millisecond)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for range tick.C {
		var c settled
		err := r.adminDB.Raw(`SELECT
				count(*) FILTER (WHERE status = 'CONFIRMED' AND issued_ticket_id IS NOT NULL) AS ticketed,
				count(*) FILTER (WHERE status = 'REFUNDED') AS refunded,
				count(*) FILTER (WHERE status = 'FAILED') AS failed, count(*) AS total
			FROM api.purchase WHERE pool_id = ?`, poolID).Scan(&c).Error
		switch {
		case err == nil && (c.Ticketed > size || c.Failed > 0 || c.Total != placed):
			r.tb.Fatalf("pool %s of %d tickets: %+v purchases, %d placed: oversold or failed", poolID, size, c, placed)
		case err == nil && c.Ticketed+c.Refunded == placed:
			return r.ticketedAt(poolID)
		case time.Now().After(deadline):
			r.tb.Fatalf("pool %s: purchases not settled in time: %+v of %d placed (%v)", poolID, c, placed, err)
		}
	}
	return nil
}

// ticketedAt maps each ticketed purchase of poolID to when its ticket was recorded.
func (r *benchRaffle) ticketedAt(poolID string) map[string]time.Time {
	r.tb.Helper()
	var rows []struct {
		PurchaseID string
		UpdatedAt  time.Time
	}
	err := r.adminDB.Raw(`SELECT purchase_id::text AS purchase_id, updated_at FROM api.purchase
		WHERE pool_id = ? AND status = 'CONFIRMED' AND issued_ticket_id IS NOT NULL`, poolID).Scan(&rows).Error
	if err != nil {
		r.tb.Fatalf("read ticketed purchases: %v", err)
	}
	out := make(map[string]time.Time, len(rows))
	for _, row := range rows {
		out[row.PurchaseID] = row.UpdatedAt
	}
	return out
}

// checkSale fails unless the pool sold exactly size tickets (never more than it has), each
// to one purchase, every purchase reads back over HTTP as ticketed or refunded, and the
// ticketing and wallet audits are clean.
func (r *benchRaffle) checkSale(poolID string, size int, buyers []*buyer, ticketed map[string]time.Time) {
	r.tb.Helper()
	var sold, required, tickets, distinct int
	row := r.adminDB.Raw(`SELECT p.tickets_sold, p.tickets_required,
			(SELECT count(*) FROM ticketing.ticket t WHERE t.pool_id = p.pool_id),
			(SELECT count(DISTINCT issued_ticket_id) FROM api.purchase a WHERE a.pool_id = p.pool_id)
		FROM ticketing.raffle_pool p WHERE p.pool_id = ?`, poolID).Row()
	if err := row.Scan(&sold, &required, &tickets, &distinct); err != nil {
		r.tb.Fatalf("read pool %s: %v", poolID, err)
	}
	if sold > required || sold != size || tickets != size || distinct != size || len(ticketed) != size {
		r.tb.Fatalf("pool %s: sold %d of %d, %d tickets, %d distinct on purchases, %d ticketed: want %d each",
			poolID, sold, required, tickets, distinct, len(ticketed), size)
	}
	err := forEach(buyers, checkWorkers, func(by *buyer) error { return r.checkPurchase(by, ticketed) })
	if err != nil {
		r.tb.Fatalf("purchases over HTTP: %v", err)
	}
	r.audit()
}

// checkPurchase reads by's purchase over HTTP: ticketed ones CONFIRMED with their ticket,
// the others REFUNDED without one.
func (r *benchRaffle) checkPurchase(by *buyer, ticketed map[string]time.Time) error {
	if by.purchaseID == "" {
		return nil // refused with 409: the pool was already sold out
	}
	var p Purchase
	if _, err := r.send(http.MethodGet, "/api/v1/purchases/"+by.purchaseID, by.tok, nil, &p, http.StatusOK); err != nil {
		return err
	}
	_, hasTicket := ticketed[p.PurchaseID]
	ok := hasTicket && p.Status == StatusConfirmed && p.IssuedTicketID != "" ||
		!hasTicket && p.Status == StatusRefunded && p.IssuedTicketID == ""
	if !ok {
		return fmt.Errorf("purchase %s is %s with ticket %q", p.PurchaseID, p.Status, p.IssuedTicketID)
	}
	return nil
}

// audit fails the benchmark for every broken ticketing or wallet invariant, and unless the
// purchase audit (no grace) is clean once the sale's captures and refunds have landed.
func (r *benchRaffle) audit() {
	r.tb.Helper()
	ctx := context.Background()
	tv, err := ticketingaudit.Check(ctx, r.adminDB)
	if err != nil {
		r.tb.Fatalf("ticketing audit: %v", err)
	}
	wv, err := walletaudit.Check(ctx, r.adminDB)
	if err != nil {
		r.tb.Fatalf("wallet audit: %v", err)
	}
	for _, v := range tv {
		r.tb.Errorf("ticketing invariant broken: %s", v)
	}
	for _, v := range wv {
		r.tb.Errorf("wallet invariant broken: %s", v)
	}
	if len(tv)+len(wv) > 0 {
		r.tb.FailNow()
	}
	testenv.WaitFor(r.tb, benchMoneyWait, "every purchase's money to settle", func() error {
		return moneyFindings(r.adminDB)
	})
}

package ticketing_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/services/ticketing/ticketing"
)

func TestConcurrentPurchasesFillThePoolExactly(t *testing.T) {
	e := newEnv(t).withDraw()
	e.start(2)
	pool := e.pool(250)
	const buyers = 400
	var wg sync.WaitGroup
	for range buyers {
		wg.Go(func() { e.confirm(entry(pool, newUser())) })
	}
	wg.Wait()
	outcomes := e.waitOutcomes(buyers)

	nums := map[int]bool{}
	rejected := 0
	for _, o := range outcomes {
		switch o.Type {
		case events.TypeTicketIssued.String():
			if nums[o.TicketNum] || o.TicketNum < 1 || o.TicketNum > 250 {
				t.Fatalf("ticket number %d issued twice or out of 1..250", o.TicketNum)
			}
			nums[o.TicketNum] = true
		case events.TypeTicketRejected.String():
			if o.Reason != "pool is full" {
				t.Fatalf("rejected with %q, want pool is full", o.Reason)
			}
			rejected++
		}
	}
	if len(nums) != 250 || rejected != 150 {
		t.Fatalf("%d issued and %d rejected, want 250 and 150", len(nums), rejected)
	}
	got, err := e.client.GetPool(context.Background(), pool.PoolID)
	if err != nil || got.State != ticketingrpc.StateFull || got.TicketsSold != 250 {
		t.Fatalf("pool %+v, %v: want FULL with 250 sold", got, err)
	}
	if n := e.count(`SELECT count(*) FROM ticketing.ticket WHERE pool_id = ?`, pool.PoolID); n != 250 {
		t.Fatalf("%d ticket rows, want 250", n)
	}
	testWaitEvents(t, e, events.StreamTicketing, 1, events.TypePoolFull)
}

func TestBacklogIsIssuedInFewTransactions(t *testing.T) {
	e := newEnv(t).withDraw()
	first := e.start(1)[0]
	pool := e.pool(2000)
	first.stop(t)
	const backlog = 1000
	for range backlog {
		e.confirm(entry(pool, newUser()))
	}
	replicas := e.start(2)
	e.waitOutcomes(backlog)
	total := 0
	for _, r := range replicas {
		total += issueTransactions(t, r)
	}
	t.Logf("%d purchases issued in %d transactions", backlog, total)
	if total < 2 || total > 20 {
		t.Fatalf("%d purchases issued in %d transactions, want 2..20", backlog, total)
	}
	if n := e.count(`SELECT count(*) FROM ticketing.ticket`); n != backlog {
		t.Fatalf("%d tickets, want %d", n, backlog)
	}
}

func TestSamePurchaseDeliveredTwiceGetsOneTicket(t *testing.T) {
	t.Parallel()
	e := newEnv(t).withDraw()
	e.start(2)
	pool := e.pool(10)
	p := entry(pool, newUser())
	e.publishAs(t, "msg-a", p)
	e.publishAs(t, "msg-a", p) // the same message id: JetStream keeps one copy
	e.publishAs(t, "msg-b", p) // the same purchase under another id: the outcome table absorbs it
	other := entry(pool, newUser())
	e.confirm(other)
	e.waitOutcomes(2)
	if n := e.count(`SELECT count(*) FROM ticketing.ticket WHERE purchase_id = ?`, p.PurchaseID); n != 1 {
		t.Fatalf("%d tickets for the purchase, want 1", n)
	}
	if n := e.count(`SELECT count(*) FROM ticketing.inbox`); n != 3 {
		t.Fatalf("%d inbox rows, want the 3 distinct messages", n)
	}
	res, err := e.client.TicketByPurchase(context.Background(), p.PurchaseID)
	if err != nil || res.Status != ticketingrpc.PurchaseIssued || res.Ticket == nil || res.Ticket.PurchaseID != p.PurchaseID {
		t.Fatalf("ticket by purchase: %+v, %v", res, err)
	}
	mine, err := e.client.ListTickets(context.Background(), ticketingrpc.ListTicketsRequest{UserID: p.UserID, PoolID: pool.PoolID})
	if err != nil || len(mine.Items) != 1 || mine.Items[0].TicketID != res.Ticket.TicketID || mine.NextCursor != "" {
		t.Fatalf("the buyer's tickets: %+v, %v: want the one ticket", mine, err)
	}
	pending, err := e.client.TicketByPurchase(context.Background(), newUser())
	if err != nil || pending.Status != ticketingrpc.PurchasePending {
		t.Fatalf("unknown purchase: %+v, %v: want PENDING", pending, err)
	}
}

// issueTransactions reads the replica's issuance transaction counter from /metrics.
func issueTransactions(t *testing.T, r *replica) int {
	t.Helper()
	url := fmt.Sprintf("http://127.0.0.1:%d/metrics", r.cfg.HealthPorts[ticketing.Name])
	return scrapeCounter(t, url, ticketing.IssueTransactionsMetric)
}

func scrapeCounter(t *testing.T, url, name string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("scrape %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("scrape %s: %v", url, err)
	}
	for line := range strings.SplitSeq(string(body), "\n") {
		if value, ok := strings.CutPrefix(line, name+" "); ok {
			f, err := strconv.ParseFloat(value, 64)
			if err != nil {
				t.Fatalf("metric line %q: %v", line, err)
			}
			return int(f)
		}
	}
	t.Fatalf("%s not in %s", name, url)
	return 0
}

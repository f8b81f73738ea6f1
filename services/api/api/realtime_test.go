package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/problem"
)

// issued returns a ticket.issued event of pool for user.
func issued(pool, user string, num int) events.TicketIssued {
	return events.TicketIssued{SchemaVersion: 1, TicketID: uuid.NewString(), PurchaseID: uuid.NewString(), PoolID: pool,
		UserID: user, PurchaseType: events.PurchaseEntry, TicketNum: num, Weight: 1, AmountCents: 500, Currency: "EUR"}
}

// drawn returns a draw.completed event of pool won by users in tier order.
func drawn(pool string, users ...string) events.DrawCompleted {
	d := events.DrawCompleted{SchemaVersion: 1, DrawID: uuid.NewString(), PoolID: pool, PrizeID: uuid.NewString(),
		Currency: "EUR", Algorithm: "tickup-draw-v1", ProofHash: strings.Repeat("ab", 32)}
	for i, u := range users {
		d.Winners = append(d.Winners, events.Winner{Tier: i + 1, TicketID: uuid.NewString(), TicketNum: 10 + i, UserID: u})
	}
	return d
}

// expect reads the next event and checks its name and that its data has every want and
// none of avoid.
func expect(t *testing.T, c *sseClient, name string, want, avoid []string) sseEvent {
	t.Helper()
	e := c.next(t, false)
	if e.name != name || e.id == "" {
		t.Fatalf("event %q (id %q) %s, want %q", e.name, e.id, e.data, name)
	}
	for _, w := range want {
		if !strings.Contains(e.data, w) {
			t.Errorf("%s data %s lacks %s", name, e.data, w)
		}
	}
	for _, a := range avoid {
		if strings.Contains(e.data, a) {
			t.Errorf("%s data %s shows %s", name, e.data, a)
		}
	}
	return e
}

// TestPoolStreamDeliversPublicEvents publishes a pool's events on NATS and reads them,
// without personal data, rejections or another pool's events, each within a second.
func TestPoolStreamDeliversPublicEvents(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	pub := newPublisher(t, g.nats)
	pool, other, user := uuid.NewString(), uuid.NewString(), uuid.NewString()
	c := g.openSSE(t, "/api/v1/pools/"+pool+"/events", "", "")
	expect(t, c, "ready", []string{`"resumed":false`}, nil)
	pub.publish(events.PoolFull{SchemaVersion: 1, PoolID: other, State: "FULL"})
	pub.publish(events.TicketRejected{SchemaVersion: 1, PurchaseID: uuid.NewString(), PoolID: pool, UserID: user, Reason: "per-user cap"})
	ticket := issued(pool, user, 7)
	pub.publish(ticket)
	pub.publish(events.PoolFull{SchemaVersion: 1, PoolID: pool, State: "FULL", TicketsSold: 10, TicketsRequired: 10})
	expect(t, c, "ticketing.ticket.issued", []string{`"ticket_num":7`, pool}, []string{user, ticket.PurchaseID, "amount_cents"})
	expect(t, c, "ticketing.pool.full", []string{`"state":"FULL"`, `"tickets_sold":10`}, []string{other})
	pub.publish(drawn(pool, user))
	expect(t, c, "draw.draw.completed", []string{`"ticket_num":10`, `"tier":1`}, []string{user})
	g.do(t, http.MethodGet, "/api/v1/pools/not-a-pool/events", "", nil).problem(t, http.StatusUnprocessableEntity, problem.SlugValidation)
}

// TestPoolStreamResumesAfterLastEventID disconnects, publishes, and reconnects with the
// last id received: exactly the missed events follow, then live ones.
func TestPoolStreamResumesAfterLastEventID(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	pub := newPublisher(t, g.nats)
	pool, user := uuid.NewString(), uuid.NewString()
	path := "/api/v1/pools/" + pool + "/events"
	c := g.openSSE(t, path, "", "")
	expect(t, c, "ready", nil, nil)
	pub.publish(issued(pool, user, 1))
	last := expect(t, c, "ticketing.ticket.issued", []string{`"ticket_num":1`}, nil).id
	c.close()
	pub.publish(issued(pool, user, 2))
	pub.publish(issued(uuid.NewString(), user, 99))
	pub.publish(issued(pool, user, 3))
	pub.publish(drawn(pool, user))
	c = g.openSSE(t, path, "", last)
	if ready := expect(t, c, "ready", []string{`"resumed":true`}, nil); ready.id != last {
		t.Errorf("ready id %q, want the resumed %q", ready.id, last)
	}
	expect(t, c, "ticketing.ticket.issued", []string{`"ticket_num":2`}, nil)
	expect(t, c, "ticketing.ticket.issued", []string{`"ticket_num":3`}, nil)
	seen := expect(t, c, "draw.draw.completed", nil, nil).id
	pub.publish(issued(pool, user, 4))
	expect(t, c, "ticketing.ticket.issued", []string{`"ticket_num":4`}, nil)
	c.close()
	c = g.openSSE(t, path+"?last_event_id="+seen, "", "")
	expect(t, c, "ready", []string{`"resumed":true`}, nil)
	expect(t, c, "ticketing.ticket.issued", []string{`"ticket_num":4`}, nil)
	g.do(t, http.MethodGet, path, "", nil, "Last-Event-ID", "1-2-3").problem(t, http.StatusUnprocessableEntity, problem.SlugValidation)
}

// TestMyStreamShowsOnlyTheCallersEvents publishes each stream's event of another user
// before the caller's: only the caller's arrive, and of a draw only their own win.
func TestMyStreamShowsOnlyTheCallersEvents(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	pub := newPublisher(t, g.nats)
	ann, annTok := newUser(t, auth.RoleUser)
	bob, _ := newUser(t, auth.RoleUser)
	g.do(t, http.MethodGet, "/api/v1/me/events", "", nil).problem(t, http.StatusUnauthorized, problem.SlugUnauthorized)
	c := g.openSSE(t, "/api/v1/me/events?access_token="+annTok, "", "")
	expect(t, c, "ready", nil, nil)
	pool := uuid.NewString()
	for _, user := range []string{bob, ann} {
		pub.publish(events.PurchaseConfirmed{SchemaVersion: 1, PurchaseID: uuid.NewString(), UserID: user, PoolID: pool,
			Type: events.PurchaseEntry, AmountCents: 500, Currency: "EUR", PaymentMethod: events.PaymentWallet})
		pub.publish(issued(pool, user, 1))
		pub.publish(events.EntryPosted{SchemaVersion: 1, EntryID: uuid.NewString(), WalletID: uuid.NewString(), UserID: user,
			Direction: "DEBIT", Reason: "TICKET_PURCHASE", Status: "POSTED", AmountCents: 500, Currency: "EUR"})
	}
	pub.publish(drawn(pool, bob, ann))
	got := map[string]sseEvent{}
	for range 4 {
		e := c.next(t, false)
		if strings.Contains(e.data, bob) || (e.name != "draw.draw.completed" && !strings.Contains(e.data, ann)) {
			t.Errorf("%s %s: not ann's own event", e.name, e.data)
		}
		got[e.name] = e
	}
	for _, name := range []string{"api.purchase.confirmed", "ticketing.ticket.issued", "wallet.entry.posted", "draw.draw.completed"} {
		if _, ok := got[name]; !ok {
			t.Errorf("ann did not get %s (got %v)", name, got)
		}
	}
	var d struct {
		Winners []struct{ Tier int } `json:"winners"`
	}
	if err := json.Unmarshal([]byte(got["draw.draw.completed"].data), &d); err != nil || len(d.Winners) != 1 || d.Winners[0].Tier != 2 {
		t.Errorf("ann's draw result %s: want only her tier-2 win", got["draw.draw.completed"].data)
	}
}

// TestStreamsHeartbeatAndEndOnShutdown: idle streams get comment lines, and a shutdown
// ends open streams instead of waiting for them.
func TestStreamsHeartbeatAndEndOnShutdown(t *testing.T) {
	t.Parallel()
	g := startGateway(t, func(s *setup) { s.env = append(s.env, "TICKUP_SSE_HEARTBEAT=50ms") })
	c := g.openSSE(t, "/api/v1/pools/"+uuid.NewString()+"/events", "", "")
	expect(t, c, "ready", nil, nil)
	if e := c.next(t, true); e.name != ":" || e.data != "heartbeat" {
		t.Fatalf("got %+v, want a heartbeat comment", e)
	}
	stopped := make(chan error, 1)
	go func() { stopped <- g.stop() }()
	select {
	case <-c.ended:
	case <-time.After(10 * time.Second):
		t.Fatal("the stream is still open 10s after shutdown began")
	}
	if err := <-stopped; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
}

package e2e

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
)

// notifySecret signs the winner notifications: Standard Webhooks, base64 of "notify-key".
const notifySecret = "whsec_bm90aWZ5LWtleQ=="

// TestRaffleSoldOutPoolIsDrawnPaidAndAnnounced is the draw end to end: three card buyers
// fill a pool of a CASH prize; the draw service draws it; ticketing marks it DRAWN; the
// winner's wallet gets the prize once; the winner's /me/events stream and the pool's stream
// carry draw.completed; the notification webhook arrives with a valid signature.
func TestRaffleSoldOutPoolIsDrawnPaidAndAnnounced(t *testing.T) {
	hook := newNotificationSink(t)
	r := startRaffleWith(t, 1, "TICKUP_NOTIFY_WEBHOOK_URL="+hook.srv.URL, "TICKUP_NOTIFY_WEBHOOK_SECRET="+notifySecret)
	pool := r.cashPool(t, 3, 2500)

	type buyer struct{ id, tok string }
	buyers := make([]buyer, 3)
	streams := make(map[string]*sseClient, 3)
	for i := range buyers {
		buyers[i].id, buyers[i].tok = newUser(t, roleUser)
		streams[buyers[i].id] = r.openSSE(t, "/api/v1/me/events", buyers[i].tok, "")
	}
	poolStream := r.openSSE(t, "/api/v1/pools/"+pool.PoolID+"/events", "", "")
	for i, b := range buyers {
		p := r.buy(t, b.tok, map[string]any{"pool_id": pool.PoolID, "payment_method": "provider", "provider": "generic"})
		r.deliver(t, signedGeneric(t, fmt.Sprintf("evt_draw_%d", i), "payment.succeeded",
			paymentData(p, fmt.Sprintf("txn_draw_%d", i), rafflePrice), raffleGenericSecret, time.Now()), http.StatusOK)
		r.waitPurchase(t, b.tok, p.PurchaseID, "ticket issued", func(p Purchase) bool { return p.IssuedTicketID != "" })
	}

	drawn := r.waitPoolState(t, pool.PoolID, "DRAWN")
	if drawn.TicketsSold != 3 {
		t.Fatalf("drawn pool sold %d tickets, want 3", drawn.TicketsSold)
	}
	winner := waitEvent(t, poolStream, "draw.draw.completed").data
	var announced struct {
		Winners []struct {
			TicketNum int `json:"ticket_num"`
		} `json:"winners"`
	}
	if err := json.Unmarshal([]byte(winner), &announced); err != nil || len(announced.Winners) != 1 {
		t.Fatalf("pool stream draw.completed %s (%v), want one winner", winner, err)
	}

	note := hook.wait(t)
	var body struct {
		Type string `json:"type"`
		Data struct {
			PoolID  string `json:"pool_id"`
			Winners []struct {
				UserID string `json:"user_id"`
			} `json:"winners"`
		} `json:"data"`
	}
	if err := json.Unmarshal(note, &body); err != nil || body.Type != "draw.completed" || body.Data.PoolID != pool.PoolID || len(body.Data.Winners) != 1 {
		t.Fatalf("notification %s (%v), want this pool's draw with one winner", note, err)
	}
	winnerID := body.Data.Winners[0].UserID
	var tok string
	for _, b := range buyers {
		if b.id == winnerID {
			tok = b.tok
		}
	}
	won := r.myTickets(t, tok, pool.PoolID)
	mine := waitEvent(t, streams[winnerID], "draw.draw.completed").data
	if len(won) != 1 || !strings.Contains(mine, fmt.Sprintf(`"ticket_num":%d`, won[0].TicketNum)) ||
		announced.Winners[0].TicketNum != won[0].TicketNum {
		t.Fatalf("the winner's stream announced %s; the pool's %s; the winner holds %+v", mine, winner, won)
	}
	testenv.WaitFor(t, raffleWait, "the winner's payout", func() error {
		if n := len(r.prizePayouts(t, tok)); n == 0 {
			return fmt.Errorf("no PRIZE_PAYOUT yet")
		}
		return nil
	})
	for _, b := range buyers {
		payouts := r.prizePayouts(t, b.tok)
		if want := map[bool]int{true: 1, false: 0}[b.id == winnerID]; len(payouts) != want {
			t.Fatalf("user %s has %d PRIZE_PAYOUT entries, want %d", b.id, len(payouts), want)
		}
		if b.id == winnerID && payouts[0] != 2500 {
			t.Fatalf("the payout is %d cents, want 2500", payouts[0])
		}
	}
}

// cashPool has the admin create a CASH prize worth value cents and a pool of size tickets.
func (r *raffle) cashPool(t *testing.T, size int, value int64) Pool {
	t.Helper()
	var prize Prize
	r.do(t, http.MethodPost, "/api/v1/prizes", r.adminTok, map[string]any{"title": "Cash", "value_cents": value,
		"currency": "EUR", "stock": 1, "kind": "CASH"}).decode(t, http.StatusCreated, &prize)
	var pool Pool
	r.do(t, http.MethodPost, "/api/v1/pools", r.adminTok, map[string]any{"prize_id": prize.PrizeID,
		"ticket_price_cents": rafflePrice, "tickets_required": size}).decode(t, http.StatusCreated, &pool)
	return pool
}

// waitPoolState polls GET /pools/{id} until the pool is in state.
func (r *raffle) waitPoolState(t *testing.T, poolID, state string) Pool {
	t.Helper()
	var pool Pool
	testenv.WaitFor(t, raffleWait, "pool "+state, func() error {
		r.do(t, http.MethodGet, "/api/v1/pools/"+poolID, "", nil).decode(t, http.StatusOK, &pool)
		if pool.State != state {
			return fmt.Errorf("pool is %s", pool.State)
		}
		return nil
	})
	return pool
}

// prizePayouts lists the amounts of tok's holder's PRIZE_PAYOUT ledger entries.
func (r *raffle) prizePayouts(t *testing.T, tok string) []int64 {
	t.Helper()
	var page struct {
		Items []struct {
			AmountCents int64 `json:"amount_cents"`
		} `json:"items"`
	}
	r.do(t, http.MethodGet, "/api/v1/wallet/ledger?reason=PRIZE_PAYOUT", tok, nil).decode(t, http.StatusOK, &page)
	out := make([]int64, 0, len(page.Items))
	for _, e := range page.Items {
		out = append(out, e.AmountCents)
	}
	return out
}

// waitEvent reads c until an event named name arrives (others are skipped).
func waitEvent(t *testing.T, c *sseClient, name string) sseEvent {
	t.Helper()
	deadline := time.After(raffleWait)
	for {
		select {
		case e := <-c.events:
			if e.name == name {
				return e
			}
		case <-c.ended:
			t.Fatalf("the stream ended before %s", name)
		case <-deadline:
			t.Fatalf("no %s within %s", name, raffleWait)
		}
	}
}

// notificationSink is the receiver of the winner notifications: it checks every delivery's
// Standard Webhooks signature and keeps the valid bodies.
type notificationSink struct {
	srv    *httptest.Server
	mu     sync.Mutex
	bodies [][]byte
	bad    []string
}

func newNotificationSink(t *testing.T) *notificationSink {
	s := &notificationSink{}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		s.mu.Lock()
		defer s.mu.Unlock()
		if err := checkStandardSignature(req.Header, body); err != nil {
			s.bad = append(s.bad, err.Error())
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		s.bodies = append(s.bodies, body)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// wait returns the first validly signed notification.
func (s *notificationSink) wait(t *testing.T) []byte {
	t.Helper()
	var body []byte
	testenv.WaitFor(t, raffleWait, "a signed winner notification", func() error {
		s.mu.Lock()
		defer s.mu.Unlock()
		if len(s.bodies) > 0 {
			body = s.bodies[0]
			return nil
		}
		return fmt.Errorf("none yet (refused: %v)", s.bad)
	})
	return body
}

// checkStandardSignature verifies webhook-signature = v1,base64(HMAC-SHA256(key, id.ts.body)).
func checkStandardSignature(h http.Header, body []byte) error {
	id, ts, sig := h.Get("webhook-id"), h.Get("webhook-timestamp"), h.Get("webhook-signature")
	if id == "" || ts == "" || sig == "" {
		return fmt.Errorf("missing Standard Webhooks headers")
	}
	key, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(notifySecret, "whsec_"))
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "." + string(body)))
	want := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
	for _, s := range strings.Fields(sig) {
		if hmac.Equal([]byte(s), []byte(want)) {
			return nil
		}
	}
	return fmt.Errorf("signature %q does not verify", sig)
}

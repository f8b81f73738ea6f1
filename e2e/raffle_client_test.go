package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
)

// rafflePrice is the ticket price of the test pools, in EUR cents.
const rafflePrice = 500

// newRaffleClient is an HTTP client for many concurrent requests.
func newRaffleClient() *http.Client {
	return &http.Client{Timeout: 30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 128, MaxConnsPerHost: 128}}
}

// call sends a request to gateway g and validates the answer against the OpenAPI
// document. It never fails the test itself, so goroutines may use it.
func (r *raffle) call(g *gateway, method, path, token string, body any, header http.Header) (response, error) {
	var reader io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		reader = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			return response{}, err
		}
		reader = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, g.base+path, reader)
	if err != nil {
		return response{}, err
	}
	maps.Copy(req.Header, header)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return response{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	out := response{Status: resp.StatusCode, Header: resp.Header, Body: data}
	if err == nil {
		err = g.spec.validate(req, out)
	}
	if err != nil {
		return out, fmt.Errorf("%s %s → %d: %w (body %s)", method, path, out.Status, err, data)
	}
	return out, nil
}

// createPool has the admin create a prize and a pool of size tickets at rafflePrice;
// extra adds pool fields.
func (r *raffle) createPool(t *testing.T, size int, extra map[string]any) Pool {
	t.Helper()
	var prize Prize
	r.do(t, http.MethodPost, "/api/v1/prizes", r.adminTok, map[string]any{"title": "Bike", "value_cents": 90000,
		"currency": "EUR", "stock": 10}).decode(t, http.StatusCreated, &prize)
	body := map[string]any{"prize_id": prize.PrizeID, "ticket_price_cents": rafflePrice, "tickets_required": size}
	maps.Copy(body, extra)
	var pool Pool
	r.do(t, http.MethodPost, "/api/v1/pools", r.adminTok, body).decode(t, http.StatusCreated, &pool)
	return pool
}

// buy posts a purchase and expects it accepted.
func (r *raffle) buy(t *testing.T, tok string, body map[string]any) Purchase {
	t.Helper()
	var p Purchase
	resp := r.do(t, http.MethodPost, "/api/v1/purchases", tok, body)
	resp.decode(t, http.StatusAccepted, &p)
	if resp.Header.Get("Location") != "/api/v1/purchases/"+p.PurchaseID || p.Status != StatusPending {
		t.Fatalf("purchase %+v at %q", p, resp.Header.Get("Location"))
	}
	return p
}

// purchase reads a purchase as tok's holder.
func (r *raffle) purchase(t *testing.T, tok, id string) Purchase {
	t.Helper()
	var p Purchase
	r.do(t, http.MethodGet, "/api/v1/purchases/"+id, tok, nil).decode(t, http.StatusOK, &p)
	return p
}

// waitPurchase polls a purchase until ok says it has settled as expected.
func (r *raffle) waitPurchase(t *testing.T, tok, id, what string, ok func(Purchase) bool) Purchase {
	t.Helper()
	var p Purchase
	testenv.WaitFor(t, raffleWait, what, func() error {
		p = r.purchase(t, tok, id)
		if !ok(p) {
			return fmt.Errorf("purchase %s is %s (ticket %q)", id, p.Status, p.IssuedTicketID)
		}
		return nil
	})
	return p
}

// myTickets lists every ticket of tok's holder (in pool, when set), following the cursor.
func (r *raffle) myTickets(t *testing.T, tok, pool string) []Ticket {
	t.Helper()
	var all []Ticket
	cursor := ""
	for {
		var page struct {
			Items      []Ticket `json:"items"`
			NextCursor string   `json:"next_cursor"`
		}
		path := "/api/v1/tickets?limit=2&pool_id=" + pool + "&cursor=" + cursor
		r.do(t, http.MethodGet, path, tok, nil).decode(t, http.StatusOK, &page)
		all = append(all, page.Items...)
		if cursor = page.NextCursor; cursor == "" {
			return all
		}
	}
}

package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/google/uuid"
)

// client talks to the gateway for the admin and the buyers.
type client struct {
	opts     Options
	http     *http.Client
	base     string
	adminTok string
}

func newClient(opts Options) *client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = opts.Concurrency + 8
	return &client{opts: opts, base: strings.TrimRight(opts.API, "/") + "/api/v1",
		http: &http.Client{Timeout: 30 * time.Second, Transport: tr}}
}

// call sends body as JSON with tok and decodes a 2xx answer into out; it returns the status.
// Any other status is an error naming the answer.
func (c *client) call(ctx context.Context, method, path, tok string, body, out any) (int, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	return c.do(req, out)
}

func (c *client) do(req *http.Request, out any) (int, error) {
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, fmt.Errorf("%s %s: read answer: %w", req.Method, req.URL.Path, err)
	}
	if resp.StatusCode/100 != 2 {
		return resp.StatusCode, fmt.Errorf("%s %s: %d %s", req.Method, req.URL.Path, resp.StatusCode, bytes.TrimSpace(data))
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("%s %s: decode answer: %w", req.Method, req.URL.Path, err)
		}
	}
	return resp.StatusCode, nil
}

// webhook posts a signed generic payment.succeeded for kind ("purchase_id", "topup_id") id.
func (c *client) webhook(ctx context.Context, kind, id string, amount int64) error {
	headers, body, err := c.opts.Webhook(kind, id, amount)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/webhooks/generic", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header = headers
	req.Header.Set("Content-Type", "application/json")
	_, err = c.do(req, nil)
	return err
}

// openPool has a fresh admin open a prize and a pool of PoolSize tickets.
func (c *client) openPool(ctx context.Context) (string, error) {
	tok, err := c.opts.Token(uuid.NewString(), true)
	if err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	c.adminTok = tok
	var prize struct {
		PrizeID string `json:"prize_id"`
	}
	_, err = c.call(ctx, http.MethodPost, "/prizes", tok, map[string]any{"title": "Load test prize",
		"value_cents": c.opts.PriceCents * int64(c.opts.PoolSize), "currency": "EUR", "stock": 1}, &prize)
	if err != nil {
		return "", fmt.Errorf("open the prize: %w", err)
	}
	var pool struct {
		PoolID string `json:"pool_id"`
	}
	_, err = c.call(ctx, http.MethodPost, "/pools", tok, map[string]any{"prize_id": prize.PrizeID,
		"ticket_price_cents": c.opts.PriceCents, "tickets_required": c.opts.PoolSize}, &pool)
	if err != nil {
		return "", fmt.Errorf("open the pool: %w", err)
	}
	return pool.PoolID, nil
}

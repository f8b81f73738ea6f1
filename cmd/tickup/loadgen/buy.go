package loadgen

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"
)

// ticketWait bounds how long one buyer waits for its ticket.
const ticketWait = 2 * time.Minute

// buy runs one buyer's flow, as the seed's frontends do: POST /purchases; for a card, the
// provider's webhook; then POST /tickets until it answers the ticket (200) or a refusal.
func (c *client) buy(ctx context.Context, pool string, b *buyer) {
	body := map[string]any{"pool_id": pool, "amount_cents": c.opts.PriceCents, "payment_method": "wallet"}
	if c.opts.Method == "card" {
		body["payment_method"], body["provider"] = "provider", "generic"
	}
	var p struct {
		PurchaseID string `json:"purchase_id"`
	}
	b.sent = time.Now()
	status, err := c.call(ctx, http.MethodPost, "/purchases", b.tok, body, &p)
	switch {
	case status == http.StatusConflict:
		b.outcome = "sold-out"
		return
	case err != nil:
		b.outcome, b.err = "error", err
		return
	}
	b.accepted, b.purchaseID = time.Now(), p.PurchaseID
	if c.opts.Method == "card" {
		if err := c.webhook(ctx, "purchase_id", p.PurchaseID, c.opts.PriceCents); err != nil {
			b.outcome, b.err = "error", err
			return
		}
		b.paid = time.Now()
	}
	c.redeem(context.WithoutCancel(ctx), pool, b)
}

// redeem asks for b's ticket until ticketing has decided.
func (c *client) redeem(ctx context.Context, pool string, b *buyer) {
	req := map[string]any{"pool_id": pool, "purchase_id": b.purchaseID}
	attempts := 0
	err := poll(ctx, ticketWait, func() (bool, error) {
		attempts++
		var t struct {
			TicketNum int `json:"ticket_num"`
		}
		status, err := c.call(ctx, http.MethodPost, "/tickets", b.tok, req, &t)
		now := time.Now()
		switch {
		case status == http.StatusOK:
			b.firstTry = attempts == 1
			b.markConfirmed(now)
			b.ticketed, b.ticketNum, b.outcome = now, t.TicketNum, "ticket"
			return true, nil
		case status == http.StatusAccepted:
			b.markConfirmed(now)
			return false, nil
		case status == http.StatusConflict && strings.Contains(err.Error(), "purchase-not-confirmed"):
			return false, nil
		case status == http.StatusConflict:
			b.outcome = "failed"
			return true, refusal(err)
		}
		return false, err
	})
	if err != nil && b.outcome != "failed" {
		b.outcome, b.err = "error", err
	}
}

func (b *buyer) markConfirmed(at time.Time) {
	if b.confirmed.IsZero() {
		b.confirmed = at
	}
}

// refusal keeps the problem's type of a 409 (sold out, failed), not the whole answer.
func refusal(err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "{"); i >= 0 {
		var p struct {
			Type string `json:"type"`
		}
		if json.Unmarshal([]byte(msg[i:]), &p) == nil && p.Type != "" {
			return errors.New(p.Type)
		}
	}
	return err
}

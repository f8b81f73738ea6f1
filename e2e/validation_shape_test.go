package e2e

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestEveryValidationFailureHasOneShape: whether the gateway, a service behind it (pool
// create goes to ticketing) or the webhook receiver finds the bad field, the client gets
// one problem type, status 422, the field in errors and named in the detail.
func TestEveryValidationFailureHasOneShape(t *testing.T) {
	r := startRaffle(t, 1)
	var prize Prize
	r.do(t, http.MethodPost, "/api/v1/prizes", r.adminTok, map[string]any{"title": "Lamp", "value_cents": 900,
		"currency": "EUR", "stock": 1}).decode(t, http.StatusCreated, &prize)
	_, annTok := newUser(t, roleUser)
	webhook := signedGeneric(t, "evt_shape", "payment.succeeded", map[string]any{"purchase_id": "not-a-purchase",
		"provider_txn_id": "txn_shape", "amount_cents": 100, "currency": "EUR"}, raffleGenericSecret, time.Now())
	cases := []struct {
		name, tok, path string
		body            any
		header          http.Header
		field           string
	}{
		{"purchase", annTok, "/api/v1/purchases", map[string]any{"pool_id": "pool-1", "provider": "stripe"}, nil, "pool_id"},
		{"pool create", r.adminTok, "/api/v1/pools", map[string]any{"prize_id": prize.PrizeID, "ticket_price_cents": 0,
			"tickets_required": 10}, nil, "ticket_price_cents"},
		{"top-up", annTok, "/api/v1/wallet/topups", map[string]any{"amount_cents": 0, "provider": "stripe"}, nil, "amount_cents"},
		{"withdrawal", annTok, "/api/v1/wallet/withdrawals", map[string]any{"amount_cents": -5, "provider": "stripe",
			"destination": "x"}, nil, "amount_cents"},
		{"webhook body", "", webhook.path, webhook.body, webhook.header, "purchase_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := r.call(r.gateway, http.MethodPost, tc.path, tc.tok, tc.body, tc.header)
			if err != nil {
				t.Fatal(err)
			}
			p := resp.problem(t, http.StatusUnprocessableEntity, "validation-failed")
			fields := make([]string, 0, len(p.Errors))
			for _, f := range p.Errors {
				fields = append(fields, f.Field)
			}
			if !slices.Contains(fields, tc.field) || !strings.Contains(p.Detail, tc.field) {
				t.Fatalf("problem names fields %v, detail %q; want %s in both", fields, p.Detail, tc.field)
			}
			if p.Title != "Validation failed" {
				t.Fatalf("title %q, want %q", p.Title, "Validation failed")
			}
		})
	}
}

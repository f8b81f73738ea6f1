package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestWebhookSendRefusesUnclearRequests shows each bad request is refused with a message
// naming what to fix, before anything is signed or sent.
func TestWebhookSendRefusesUnclearRequests(t *testing.T) {
	ok := webhookEvent{provider: "generic", event: "payment.succeeded", purchaseID: "p", amount: 500, currency: "EUR", txn: "t", id: "e"}
	tests := []struct {
		name  string
		alter func(*webhookEvent)
		want  string
	}{
		{"no subject", func(e *webhookEvent) { e.purchaseID = "" }, "exactly one of --purchase"},
		{"two subjects", func(e *webhookEvent) { e.topupID = "t" }, "exactly one of --purchase"},
		{"no amount", func(e *webhookEvent) { e.amount = 0 }, "--amount must be a positive"},
		{"unknown provider", func(e *webhookEvent) { e.provider = "paypal" }, "--provider must be"},
		{"unknown generic event", func(e *webhookEvent) { e.event = "payment.processing" }, "--event must be"},
		{"unknown stripe event", func(e *webhookEvent) { e.provider, e.event = "stripe", "charge.captured" }, "--event must be"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := ok
			tc.alter(&e)
			if _, err := e.body(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("body() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestWebhookSendBuildsTheProvidersShapes checks the fields the gateway reads for each event.
func TestWebhookSendBuildsTheProvidersShapes(t *testing.T) {
	tests := []struct {
		provider, event, path, want string
	}{
		{"stripe", "payment.succeeded", "type", "payment_intent.succeeded"},
		{"stripe", "refunded", "type", "charge.refunded"},
		{"stripe", "refunded", "data.object.payment_intent", "pi_x"},
		{"stripe", "disputed", "type", "charge.dispute.created"},
		{"stripe", "disputed", "data.object.payment_intent", "pi_x"},
		{"stripe", "payment.succeeded", "data.object.id", "pi_x"},
		{"generic", "refunded", "type", "payment.refunded"},
		{"generic", "disputed", "data.dispute_status", "open"},
		{"generic", "payment.failed", "data.failure_reason", "card_declined"},
		{"generic", "payment.succeeded", "data.provider_txn_id", "pi_x"},
	}
	for _, tc := range tests {
		e := webhookEvent{provider: tc.provider, event: tc.event, topupID: "w", amount: 500, currency: "EUR", txn: "pi_x", id: "e"}
		raw, err := e.body()
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			t.Fatal(err)
		}
		for _, k := range strings.Split(tc.path, ".") {
			v = v.(map[string]any)[k]
		}
		if v != tc.want {
			t.Errorf("%s %s: %s = %v, want %q", tc.provider, tc.event, tc.path, v, tc.want)
		}
	}
}

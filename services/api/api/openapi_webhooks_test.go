package api

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestWebhookRoutesDocumentTheirSignatures shows that /openapi.json declares each webhook
// route's signature headers as required header parameters, and bodies that accept the
// providers' events (docs/webhooks.md) without requiring what the text calls optional.
func TestWebhookRoutesDocumentTheirSignatures(t *testing.T) {
	t.Parallel()
	g := startGateway(t)
	tests := []struct {
		path    string
		headers []string
		body    string
	}{
		{"/api/v1/webhooks/stripe", []string{"Stripe-Signature"},
			`{"id":"evt_2","object":"event","type":"charge.refunded","data":{"object":{"id":"ch_1","object":"charge",` +
				`"payment_intent":"pi_1","amount":500,"amount_refunded":500,"currency":"eur","metadata":{"purchase_id":"p"}}}}`},
		{"/api/v1/webhooks/generic", []string{"webhook-id", "webhook-timestamp", "webhook-signature"},
			`{"id":"evt_1","type":"payment.failed","data":{"purchase_id":"6f1c2d3e-0000-4000-8000-000000000001",` +
				`"amount_cents":500,"currency":"EUR","failure_reason":"card_declined"}}`},
	}
	for _, tc := range tests {
		op := g.spec.doc.Paths.Find(tc.path).Post
		var declared []string
		for _, p := range op.Parameters {
			if p.Value.In == "header" && p.Value.Required && p.Value.Description != "" {
				declared = append(declared, p.Value.Name)
			}
		}
		for _, h := range tc.headers {
			if !slices.Contains(declared, h) {
				t.Errorf("%s does not declare the required header %s (declared %v)", tc.path, h, declared)
			}
		}
		var body any
		if err := json.Unmarshal([]byte(tc.body), &body); err != nil {
			t.Fatal(err)
		}
		schema := op.RequestBody.Value.Content.Get("application/json").Schema.Value
		if err := schema.VisitJSON(body); err != nil {
			t.Errorf("%s: the documented body refuses a provider's event: %v", tc.path, err)
		}
		if len(schema.Properties) == 0 {
			t.Errorf("%s: the body schema declares no fields", tc.path)
		}
	}
}

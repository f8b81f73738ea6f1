package e2e

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// delivery is a signed webhook request, ready to be sent (again and again).
type delivery struct {
	path   string
	header http.Header
	body   []byte
}

// stripeEvent builds a Stripe event about payment intent intentID.
func stripeEvent(eventID, typ, intentID string, amount int64, metadata map[string]string) []byte {
	obj := map[string]any{"id": intentID, "object": "payment_intent", "amount": amount, "currency": "eur",
		"metadata": metadata, "status": strings.TrimPrefix(typ, "payment_intent.")}
	if typ == "payment_intent.payment_failed" {
		obj["last_payment_error"] = map[string]any{"code": "card_declined", "message": "Your card was declined."}
	}
	return mustJSON(map[string]any{"id": eventID, "object": "event", "type": typ, "livemode": false,
		"created": time.Now().Unix(), "data": map[string]any{"object": obj}})
}

// mustJSON marshals maps of plain values, which cannot fail.
func mustJSON(v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return data
}

// signedStripe signs body with secret at time at.
func signedStripe(body []byte, secret string, at time.Time) delivery {
	h := http.Header{}
	h.Set(headerStripe, signStripe(secret, at, body))
	return delivery{path: "/api/v1/webhooks/stripe", header: h, body: body}
}

// signedGeneric builds and signs a generic provider event with secret at time at.
func signedGeneric(t *testing.T, eventID, typ string, data map[string]any, secret string, at time.Time) delivery {
	t.Helper()
	d, err := genericDelivery(eventID, typ, data, secret, at)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// genericDelivery is signedGeneric for goroutines.
func genericDelivery(eventID, typ string, data map[string]any, secret string, at time.Time) (delivery, error) {
	body := mustJSON(map[string]any{"id": eventID, "type": typ, "data": data})
	h, err := signStandard(secret, "msg_"+eventID, at, body)
	return delivery{path: "/api/v1/webhooks/generic", header: h, body: body}, err
}

// deliver sends d to the first gateway and expects status; it returns the
// acknowledgement of a 200.
func (r *raffle) deliver(t *testing.T, d delivery, status int) WebhookAck {
	t.Helper()
	resp, err := r.call(r.gateway, http.MethodPost, d.path, "", d.body, d.header)
	if err != nil {
		t.Fatal(err)
	}
	var ack WebhookAck
	if status != http.StatusOK {
		if resp.Status != status {
			t.Fatalf("webhook answered %d, want %d: %s", resp.Status, status, resp.Body)
		}
		return ack
	}
	resp.decode(t, http.StatusOK, &ack)
	return ack
}

// receipts counts the webhook receipts recorded.
func (r *raffle) receipts(t *testing.T) int64 {
	t.Helper()
	return r.count(t, `SELECT count(*) FROM webhook_receipt`)
}

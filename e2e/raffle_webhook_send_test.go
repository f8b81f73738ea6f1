package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
)

// sendWebhook runs `tickup webhook send args…` against the raffle's gateway with the given
// webhook secrets and returns its exit code and output.
func (r *raffle) sendWebhook(t *testing.T, stripeSecret, genericSecret string, args ...string) (int, string) {
	t.Helper()
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	args = append([]string{"webhook", "send", "--api", r.gateway.base}, args...)
	p := testenv.StartProcess(t, "tickup webhook send", bin, args,
		"TICKUP_WEBHOOK_STRIPE_SECRETS="+stripeSecret, "TICKUP_WEBHOOK_GENERIC_SECRETS="+genericSecret)
	code, err := p.Wait(60 * time.Second)
	if err != nil {
		t.Fatalf("tickup webhook send: %v\n%s", err, p.Output())
	}
	return code, p.Output()
}

// TestWebhookSendConfirmsACardPurchase shows the simulator's events pass the gateway's
// signature check exactly as a provider's: for each provider a tampered secret is refused with
// 400 and changes nothing, the right one confirms the purchase and its ticket is issued, and
// a refund (its default transaction id derived like the payment's) refunds it.
func TestWebhookSendConfirmsACardPurchase(t *testing.T) {
	r := startRaffle(t, 1)
	for _, provider := range []string{"stripe", "generic"} {
		t.Run(provider, func(t *testing.T) {
			pool := r.createPool(t, 3, nil)
			_, tok := newUser(t, roleUser)
			p := r.buy(t, tok, map[string]any{"pool_id": pool.PoolID, "provider": provider, "amount_cents": rafflePrice, "currency": "EUR"})
			args := []string{"--provider", provider, "--event", "payment.succeeded", "--purchase", p.PurchaseID,
				"--amount", fmt.Sprint(rafflePrice)}

			code, out := r.sendWebhook(t, raffleStripeSecret+"x", "whsec_dGFtcGVyZWQ=", args...)
			if code == 0 || !strings.Contains(out, "400 Bad Request") || !strings.Contains(out, "invalid-signature") {
				t.Fatalf("a tampered secret: exit %d, want a refusal with 400 invalid-signature:\n%s", code, out)
			}
			if got := r.purchase(t, tok, p.PurchaseID); got.Status != StatusPending {
				t.Fatalf("the refused event changed the purchase: %+v", got)
			}

			code, out = r.sendWebhook(t, raffleStripeSecret, raffleGenericSecret, args...)
			if code != 0 || !strings.Contains(out, "200 OK") || !strings.Contains(out, `"outcome":"confirmed"`) {
				t.Fatalf("tickup webhook send: exit %d, want 200 confirmed:\n%s", code, out)
			}
			r.waitTicket(t, tok, pool.PoolID, p.PurchaseID)

			refund := append(slices.Clone(args[:2]), append([]string{"--event", "refunded"}, args[4:]...)...)
			code, out = r.sendWebhook(t, raffleStripeSecret, raffleGenericSecret, refund...)
			if code != 0 || !strings.Contains(out, `"outcome":"refunded"`) {
				t.Fatalf("a refund of the same payment: exit %d, want 200 refunded:\n%s", code, out)
			}
		})
	}
}

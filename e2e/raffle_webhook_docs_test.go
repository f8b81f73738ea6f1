package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// webhookExamples returns the ```sh webhook-example blocks of docs/webhooks.md.
func webhookExamples(t *testing.T) []string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "docs", "webhooks.md"))
	if err != nil {
		t.Fatalf("read docs/webhooks.md: %v", err)
	}
	var blocks []string
	rest := string(doc)
	for {
		_, after, ok := strings.Cut(rest, "```sh webhook-example\n")
		if !ok {
			return blocks
		}
		block, tail, _ := strings.Cut(after, "```")
		blocks, rest = append(blocks, block), tail
	}
}

// requireTools skips (or, in CI, fails) when a tool the examples run is missing.
func requireTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is needed to run the examples of docs/webhooks.md: %v", tool, err)
			}
			t.Skipf("skipped: %s is not installed (needed by the examples of docs/webhooks.md)", tool)
		}
	}
}

// TestWebhookDocsExamplesConfirmPurchases runs every curl + openssl example of
// docs/webhooks.md with bash against a real gateway, each on its own pending purchase, and
// expects the answer the document promises.
func TestWebhookDocsExamplesConfirmPurchases(t *testing.T) {
	requireTools(t, "bash", "curl", "openssl", "base64", "od")
	blocks := webhookExamples(t)
	if len(blocks) < 2 {
		t.Fatalf("docs/webhooks.md has %d webhook-example blocks, want the Stripe and the generic one", len(blocks))
	}
	r := startRaffle(t, 1)
	for i, block := range blocks {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			provider := "stripe"
			if strings.Contains(block, "/webhooks/generic") {
				provider = "generic"
			}
			pool := r.createPool(t, 3, nil)
			_, tok := newUser(t, roleUser)
			p := r.buy(t, tok, map[string]any{"pool_id": pool.PoolID, "provider": provider, "amount_cents": rafflePrice, "currency": "EUR"})
			cmd := exec.CommandContext(t.Context(), "bash", "-euo", "pipefail", "-c", block)
			cmd.Env = append(os.Environ(), "API="+r.gateway.base, "STRIPE_SECRET="+raffleStripeSecret,
				"GENERIC_SECRET="+raffleGenericSecret, "PURCHASE_ID="+p.PurchaseID, "AMOUNT="+fmt.Sprint(rafflePrice))
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), `"outcome":"confirmed"`) {
				t.Fatalf("example %d (%s): %v, want outcome confirmed:\n%s\n%s", i, provider, err, block, out)
			}
			r.waitTicket(t, tok, pool.PoolID, p.PurchaseID)
		})
	}
}

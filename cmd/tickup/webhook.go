package main

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"tickup.dev/pkg/config"
)

// webhookRequest is what `tickup webhook send` was asked to post.
type webhookRequest struct {
	webhookEvent
	api string
}

func newWebhookCmd() *cobra.Command {
	root := &cobra.Command{Use: "webhook", Short: "Simulate payment providers' signed webhooks for local work"}
	root.AddCommand(newWebhookSendCmd())
	return root
}

func newWebhookSendCmd() *cobra.Command {
	var req webhookRequest
	cmd := &cobra.Command{
		Use: "send --provider stripe|generic --event payment.succeeded|payment.failed|refunded|disputed " +
			"(--purchase ID | --topup ID | --withdrawal ID) --amount CENTS [--currency EUR] [--txn ID] [--api URL]",
		Short: "Sign an event with the configured webhook secret, exactly as the provider does, and post it",
		Long: "Builds the provider's event body (docs/webhooks.md), signs it with the first configured secret " +
			"(TICKUP_WEBHOOK_STRIPE_SECRETS or TICKUP_WEBHOOK_GENERIC_SECRETS) and posts it to " +
			"/api/v1/webhooks/{provider}; prints the HTTP status and the gateway's answer. The default --txn is " +
			"derived from the id, so a refund or dispute names the same transaction as the payment it reverses.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return sendWebhook(cmd, req) },
	}
	f := cmd.Flags()
	f.StringVar(&req.provider, "provider", "stripe", "stripe or generic")
	f.StringVar(&req.event, "event", "payment.succeeded", "payment.succeeded, payment.failed, refunded or disputed")
	f.StringVar(&req.purchaseID, "purchase", "", "the purchase id")
	f.StringVar(&req.topupID, "topup", "", "the wallet top-up id")
	f.StringVar(&req.withdrawID, "withdrawal", "", "the wallet withdrawal id")
	f.Int64Var(&req.amount, "amount", 0, "the amount in cents (the purchase's, top-up's or withdrawal's)")
	f.StringVar(&req.currency, "currency", "EUR", "the currency")
	f.StringVar(&req.txn, "txn", "", "the provider transaction id (default: derived from the id)")
	f.StringVar(&req.api, "api", "", "the gateway's base URL (default: http://127.0.0.1:BACKEND_PORT)")
	_ = cmd.MarkFlagRequired("amount")
	return cmd
}

// sendWebhook builds, signs and posts the event, and prints the answer; a non-2xx is an error.
func sendWebhook(cmd *cobra.Command, req webhookRequest) error {
	cfg, err := webhookConfig(cmd)
	if err != nil {
		return err
	}
	req.fillDefaults(cfg)
	body, err := req.body()
	if err != nil {
		return err
	}
	headers, err := req.sign(cfg, body, time.Now())
	if err != nil {
		return err
	}
	status, answer, err := post(cmd, req.api+"/api/v1/webhooks/"+req.provider, headers, body)
	if err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "%d %s\n%s\n", status, http.StatusText(status), strings.TrimSpace(answer))
	if status/100 != 2 {
		return fmt.Errorf("the gateway refused the %s %s event with %d", req.provider, req.event, status)
	}
	return nil
}

// fillDefaults sets the event id, the transaction id and the gateway URL when not given.
func (r *webhookRequest) fillDefaults(cfg config.Config) {
	r.id = "evt_sim_" + rand.Text()
	if r.txn == "" {
		_, id, _ := r.subject()
		r.txn = "sim_" + strings.ReplaceAll(id, "-", "")
		if r.provider == "stripe" {
			r.txn = "pi_" + r.txn
		}
	}
	if r.api == "" {
		r.api = fmt.Sprintf("http://127.0.0.1:%d", cfg.HTTPPort)
	}
	r.api = strings.TrimRight(r.api, "/")
}

// sign signs body with the provider's first configured secret.
func (r webhookRequest) sign(cfg config.Config, body []byte, now time.Time) (http.Header, error) {
	secrets, env := cfg.Webhooks.StripeSecrets, "TICKUP_WEBHOOK_STRIPE_SECRETS"
	if r.provider == "generic" {
		secrets, env = cfg.Webhooks.GenericSecrets, "TICKUP_WEBHOOK_GENERIC_SECRETS"
	}
	if len(secrets) == 0 || strings.TrimSpace(secrets[0]) == "" {
		return nil, fmt.Errorf("%s is not set: tickup webhook send signs with it", env)
	}
	if r.provider == "stripe" {
		return stripeSignature(secrets[0], now, body), nil
	}
	return standardSignature(secrets[0], r.id, now, body)
}

// post sends the signed body and returns the status and the answer.
func post(cmd *cobra.Command, url string, headers http.Header, body []byte) (int, string, error) {
	hreq, err := http.NewRequestWithContext(cmd.Context(), http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, "", fmt.Errorf("webhook request to %s: %w", url, err)
	}
	hreq.Header = headers
	hreq.Header.Set("Content-Type", "application/json")
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(hreq)
	if err != nil {
		return 0, "", fmt.Errorf("post webhook to %s: %w", url, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, "", fmt.Errorf("read the answer of %s: %w", url, err)
	}
	return resp.StatusCode, string(answer), nil
}

// webhookConfig loads the configuration without requiring a database, with the dev settings
// (`tickup dev`'s secrets) from any directory, or the file --config names.
func webhookConfig(cmd *cobra.Command) (config.Config, error) {
	path, _, err := devSettingsFile(cmd)
	if err != nil {
		return config.Config{}, err
	}
	environ := os.Environ()
	if os.Getenv("DATABASE_URL") == "" && os.Getenv("TICKUP_DATABASE_URL") == "" {
		environ = append(environ, "TICKUP_DATABASE_URL="+unusedDatabaseURL)
	}
	return loadConfigWith(config.Options{Environ: environ, DevFile: path})
}

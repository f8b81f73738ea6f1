package main

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"tickup.dev/cmd/tickup/loadgen"
	"tickup.dev/pkg/config"
	"tickup.dev/services/api/api"
)

func newLoadCmd() *cobra.Command {
	root := &cobra.Command{Use: "load", Short: "Drive load against a running Tickup through its public API"}
	root.AddCommand(newLoadFlashCmd())
	return root
}

func newLoadFlashCmd() *cobra.Command {
	opts := loadgen.Options{API: "", Users: 200, PoolSize: 100, Concurrency: 50, Duration: time.Minute,
		PriceCents: 500, Method: "wallet"}
	cmd := &cobra.Command{
		Use:   "flash --api URL --users N --pool-size N --concurrency C --duration D [--method wallet|card] [--price CENTS]",
		Short: "A flash sale: N buyers race for one pool; prints tickets/s, per-stage p50/p95/p99 and oversell",
		Long: "Opens a prize and a pool as an admin, prepares --users buyers (wallet: each funded with one ticket's " +
			"price by a top-up and its signed generic-provider webhook), then lets them buy, --concurrency at a time, " +
			"for at most --duration: POST /purchases (card: then the provider's signed webhook), then POST /tickets " +
			"until the ticket is answered. Tokens are signed with SUPABASE_JWT and webhooks with the first " +
			"TICKUP_WEBHOOK_GENERIC_SECRETS, the deployment's own settings (dev: found like every command's). " +
			"Exits non-zero if the pool is oversold.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runFlash(cmd, opts) },
	}
	f := cmd.Flags()
	f.StringVar(&opts.API, "api", "", "the gateway's base URL (default: this machine's configured HTTP port)")
	f.IntVar(&opts.Users, "users", opts.Users, "buyers, one ticket each")
	f.IntVar(&opts.PoolSize, "pool-size", opts.PoolSize, "tickets in the pool")
	f.IntVar(&opts.Concurrency, "concurrency", opts.Concurrency, "buyers in flight at once")
	f.DurationVar(&opts.Duration, "duration", opts.Duration, "stop starting purchases after this long")
	f.Int64Var(&opts.PriceCents, "price", opts.PriceCents, "ticket price in cents")
	f.StringVar(&opts.Method, "method", opts.Method, "wallet or card")
	return cmd
}

func runFlash(cmd *cobra.Command, opts loadgen.Options) error {
	cfg, err := tokenConfig(cmd)
	if err != nil {
		return err
	}
	if opts.API == "" {
		opts.API = fmt.Sprintf("http://127.0.0.1:%d", cfg.HTTPPort)
	}
	opts.Out = cmd.ErrOrStderr()
	opts.Token = loadToken(cfg)
	opts.Webhook = loadWebhook(cfg)
	rep, err := loadgen.Flash(cmd.Context(), opts)
	if err != nil {
		return err
	}
	rep.Print(cmd.OutOrStdout())
	if rep.Oversold > 0 {
		return fmt.Errorf("the pool was oversold by %d tickets", rep.Oversold)
	}
	return nil
}

// loadToken mints the sale's tokens as `tickup token` does, valid for the sale's length.
func loadToken(cfg config.Config) func(string, bool) (string, error) {
	return func(userID string, admin bool) (string, error) {
		role := api.TokenRoleUser
		if admin {
			role = api.TokenRoleAdmin
		}
		opts := api.TokenOptions{Issuer: cfg.Supabase.JWTIssuer, AdminClaim: cfg.Auth.AdminClaim, TokenID: rand.Text()}
		if opts.Issuer == "" {
			opts.Issuer = defaultTokenIssuer
		}
		return api.MintTokenWith(cfg.Supabase.JWTSecret, userID, "load-"+userID[:8]+"@example.com", role, cfg.Auth.TokenMaxTTL, opts)
	}
}

// loadWebhook signs a generic provider's payment.succeeded like `tickup webhook send`.
func loadWebhook(cfg config.Config) func(string, string, int64) (http.Header, []byte, error) {
	return func(kind, id string, amount int64) (http.Header, []byte, error) {
		req := webhookRequest{webhookEvent: webhookEvent{provider: "generic", event: "payment.succeeded",
			amount: amount, currency: "EUR"}}
		if kind == "topup_id" {
			req.topupID = id
		} else {
			req.purchaseID = id
		}
		req.fillDefaults(cfg)
		body, err := req.body()
		if err != nil {
			return nil, nil, err
		}
		headers, err := req.sign(cfg, body, time.Now())
		return headers, body, err
	}
}

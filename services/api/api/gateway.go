package api

import (
	"context"
	"crypto/rand"
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/contract/walletrpc"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/service"
	"tickup.dev/services/api/internal/adapters"
	"tickup.dev/services/api/internal/apidocs"
	"tickup.dev/services/api/internal/app"
	"tickup.dev/services/api/internal/auth"
	"tickup.dev/services/api/internal/catalog"
	"tickup.dev/services/api/internal/drawpage"
	"tickup.dev/services/api/internal/draws"
	"tickup.dev/services/api/internal/httpapi"
	"tickup.dev/services/api/internal/idempotency"
	"tickup.dev/services/api/internal/openapi"
	"tickup.dev/services/api/internal/paymentcases"
	"tickup.dev/services/api/internal/ports"
	"tickup.dev/services/api/internal/purchases"
	"tickup.dev/services/api/internal/ratelimit"
	"tickup.dev/services/api/internal/realtime"
	"tickup.dev/services/api/internal/users"
	"tickup.dev/services/api/internal/walletroutes"
	"tickup.dev/services/api/internal/webhooks"
)

// apiDescription introduces the OpenAPI document.
const apiDescription = "Tickup's public API: prizes raffled in pools of numbered tickets, paid by card or " +
	"from a wallet, drawn verifiably. Errors are RFC 9457 problems; lists are cursor-paged; " +
	"authenticated POSTs honour Idempotency-Key."

// newGateway wires the router, its middleware and modules, and adds the gateway's
// background components (realtime hub, idempotency sweeper) to rt.
func newGateway(rt *service.Runtime, opts Options) (*httpapi.Router, error) {
	gin.SetMode(gin.ReleaseMode)
	verifier, err := newVerifier(rt.Config, rt.Log)
	if err != nil {
		return nil, err
	}
	userStore := users.NewStore(rt.DB)
	gw := rt.Config.Gateway
	keys := idempotency.NewStore(rt.DB, idempotency.Policy{TTL: gw.IdempotencyTTL, Lease: gw.IdempotencyLease,
		SweepEvery: gw.IdempotencySweepInterval})
	hub := realtime.NewHub(rt.Bus.JS, rt.Log)
	router, err := httpapi.New(httpapi.Config{
		Log: rt.Log, Metrics: rt.Metrics, CORSOrigins: rt.Config.CORSOrigins, TrustedProxies: gw.TrustedProxies,
		Info: openapi.Info{Title: "Tickup API", Version: service.Version, Description: apiDescription},
		Middlewares: httpapi.Middlewares{
			Authenticate:          auth.Required(verifier),
			AuthenticateOptional:  auth.Optional(verifier),
			RequireAdmin:          auth.RequireAdmin(),
			RequireServiceOrAdmin: auth.RequireServiceOrAdmin(),
			RequireAccount:        auth.RequireAccount(),
			Touch:                 users.NewTracker(userStore, rt.Log, gw.TouchInterval).Middleware(),
			LimitIP:               httpapi.LimitByIP(ratelimit.New(gw.WritesPerMinutePerIP, nil), httpapi.Writes),
			LimitUser:             httpapi.LimitByUser(ratelimit.New(gw.WritesPerMinutePerUser, nil), httpapi.Writes),
			LimitReadIP:           httpapi.LimitByIP(ratelimit.New(rt.Config.Limits.ReadsPerMinutePerIP, nil), httpapi.Reads),
			LimitReadUser:         httpapi.LimitByUser(ratelimit.New(rt.Config.Limits.ReadsPerMinutePerUser, nil), httpapi.Reads),
			Idempotency:           idempotency.Middleware(keys, rt.Log),
			QueryToken:            httpapi.QueryToken(),
		},
	})
	if err != nil {
		return nil, err
	}
	router.Group("").Mount(healthModule{handler: rt.HealthHandler()}, apidocs.NewModule())
	purchaseApp := app.New(adapters.Transactor(rt.DB), adapters.NewReads(rt.DB), rt.Config.Holds.TTL, rt.Log)
	modules := []httpapi.Module{users.NewModule(userStore), realtime.NewModule(hub, rt.Log, realtimeConfig(rt.Config.Limits, gw.Heartbeat)),
		walletroutes.NewModule(walletrpc.NewClient(rt.Bus.NC), rt.Log), draws.NewModule(drawrpc.NewClient(rt.Bus.NC), rt.Log),
		drawpage.NewModule(drawpage.NewTicketingPools(rt.Bus.NC), drawrpc.NewClient(rt.Bus.NC), rt.Log),
		catalog.NewModule(rt.Bus.NC, purchases.NewStore(purchaseApp), rt.Log),
		purchases.NewModule(purchaseApp, ticketingrpc.NewClient(rt.Bus.NC), rt.Log),
		webhooks.NewModule(rt.DB, purchaseApp, adapters.Bind, rt.Config.Webhooks, rt.Log), paymentcases.NewModule(purchaseApp, rt.Log)}
	router.Group(BasePath).Mount(append(modules, opts.modules...)...)
	rt.Go("realtime hub", hub.Run)
	// JetStream bounds the consumers' creation with its own timeout.
	if err := ports.NewSagaEvents(purchaseApp, rt.Log).Route(context.Background(), rt, inbox.Transactor(rt.DB, adapters.Bind)); err != nil {
		return nil, err
	}
	rt.Go("hold expiry sweeper", ports.ExpirySweeper(purchaseApp, rt.Config.Holds.SweepInterval, rt.Log))
	rt.Go("idempotency sweeper", func(ctx context.Context) error { return keys.RunSweeper(ctx, rt.Log) })
	return router, nil
}

// newVerifier checks tokens with SUPABASE_JWT (HS256) and/or the JWKS of SUPABASE_URL.
// With neither (allowed outside prod) it refuses every token rather than refusing to start.
func newVerifier(cfg config.Config, log *slog.Logger) (*auth.Verifier, error) {
	ac := auth.Config{HS256Secret: cfg.Supabase.JWTSecret, JWKSURL: cfg.Supabase.JWKSURL, Issuer: cfg.Supabase.JWTIssuer,
		AdminClaim: cfg.Auth.AdminClaim, JWKSMaxAge: cfg.Auth.JWKSRefresh}
	if ac.HS256Secret == "" && ac.JWKSURL == "" {
		log.Warn("neither SUPABASE_JWT nor SUPABASE_URL is set: every access token will be refused")
		ac.HS256Secret = rand.Text() + rand.Text() // a secret nobody knows
	}
	return auth.NewVerifier(ac)
}

// realtimeConfig bounds the event streams by the configured limits.
func realtimeConfig(l config.Limits, heartbeat time.Duration) realtime.Config {
	return realtime.Config{Heartbeat: heartbeat, StreamsPerUser: l.StreamsPerUser, StreamsPerIP: l.StreamsPerIP,
		ReplayMaxAge: l.ReplayMaxAge, ReplayMaxEvents: l.ReplayMaxEvents}
}

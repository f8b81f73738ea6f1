package draw

import (
	"context"
	"crypto/rand"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/service"
	"tickup.dev/services/draw/internal/adapters"
	"tickup.dev/services/draw/internal/app"
	"tickup.dev/services/draw/internal/beacon"
	"tickup.dev/services/draw/internal/domain"
	"tickup.dev/services/draw/internal/ports"
	"tickup.dev/services/draw/internal/webhook"
)

// Sizes and timing of the background work.
const (
	pollInterval    = time.Second
	proofPageSize   = 384 << 10 // bytes per proof page: base64 keeps it under NATS' 1 MiB
	ticketsPageSize = 1000
	retryBase       = time.Second     // first retry of a draw or a notification, then doubled
	drawRetryCap    = 5 * time.Minute // a draw is retried at least this often, forever
	notifyRetryCap  = time.Hour
)

// wiring holds the service's assembled parts.
type wiring struct {
	rt      *service.Runtime
	beacons app.Beacons     // every chain a pool's terms may name, whatever new pools use
	policy  app.TermsPolicy // the terms of new pools
	wake    chan struct{}
}

func wire(rt *service.Runtime) (*wiring, error) {
	settings := rt.Config.Draw
	quicknet := beacon.NewQuicknet(settings.BeaconURL)
	w := &wiring{rt: rt, beacons: app.Beacons{quicknet.Chain.Hash: quicknet}, wake: make(chan struct{}, 1),
		policy: app.TermsPolicy{Prod: rt.Config.Env == envProd, AllowNoBeacon: settings.AllowNoBeacon}}
	if settings.Beacon == config.DrawBeaconQuicknet {
		w.policy.Beacon = &domain.TermsBeacon{ChainHash: quicknet.Chain.Hash, RoundRule: domain.RoundRuleAfterFull}
	}
	w.logPolicy()
	return w, nil
}

// envProd is the TICKUP_ENV of production.
const envProd = "prod"

// logPolicy says at start-up which terms new pools get, loudly when prod goes without a beacon.
func (w *wiring) logPolicy() {
	p, log := w.policy, w.rt.Log
	switch {
	case p.Beacon != nil:
		log.Info("new pools are committed to draw with a drand beacon round", "chain", p.Beacon.ChainHash, "round_rule", p.Beacon.RoundRule)
	case p.Prod && p.AllowNoBeacon:
		log.Warn("TICKUP_DRAW_ALLOW_NO_BEACON is set: new pools are drawn without a beacon in prod, " +
			"so whoever can read the draw schema can predict their winners before the last sale")
	case p.Prod:
		log.Warn("TICKUP_ENV=prod without a beacon: pool creation is refused until TICKUP_DRAW_BEACON=drand-quicknet " +
			"(or the explicit opt-out TICKUP_DRAW_ALLOW_NO_BEACON=true) is set")
	default:
		log.Info("new pools are committed to draw without a beacon; pools committed with one still wait for their round")
	}
}

// start registers the RPC endpoints, the pool.full consumer and the workers.
func (w *wiring) start(ctx context.Context) error {
	if err := w.serveRPC(); err != nil {
		return err
	}
	if err := w.consumePools(ctx); err != nil {
		return err
	}
	w.runDrawer()
	w.runNotifier()
	return nil
}

func (w *wiring) serveRPC() error {
	svc, err := w.rt.Micro("Tickup draw: commitments and provably fair draws")
	if err != nil {
		return err
	}
	a := w.application()
	endpoints := ports.RPC{Commit: a.Commands.CommitPool, Proof: a.Queries.GetProof, Verify: a.Queries.VerifyDraw, Log: w.rt.Log}
	if err := endpoints.Register(svc); err != nil {
		return err
	}
	return w.rt.Bus.NC.Flush()
}

// consumePools queues every full pool for its draw and wakes the drawer after each commit.
func (w *wiring) consumePools(ctx context.Context) error {
	r := bus.NewRouter(bus.ConsumerSpec{Durable: PoolsDurable}, inbox.Transactor(w.rt.DB,
		func(tx *gorm.DB) app.RequestDraw {
			return app.RequestDraw{Requests: adapters.DrawRequests{Tx: tx}, Beacons: w.beacons}
		}))
	ports.RoutePools(r, time.Now)
	r.Use(func(next bus.BatchHandler) bus.BatchHandler {
		return func(ctx context.Context, batch []bus.Delivery) error {
			err := next(ctx, batch)
			if err == nil {
				w.signal()
			}
			return err
		}
	})
	if err := w.rt.QueryMetric(true, "tickup_draws_completed_total", "Pools drawn.", `SELECT count(*) FROM draw`); err != nil {
		return err
	}
	return w.rt.Route(ctx, r)
}

func (w *wiring) signal() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// application builds draw's use cases over its adapters (the composition root).
func (w *wiring) application() app.Application {
	reader, n := adapters.DrawReader{DB: w.rt.DB}, w.rt.Config.Notify
	return app.Application{
		Commands: app.Commands{
			CommitPool: app.CommitPool{Seeds: adapters.SeedRepository{DB: w.rt.DB}, Random: rand.Reader, Policy: w.policy, Log: w.rt.Log},
			DrawPool: app.DrawPool{
				Store:     adapters.DrawStore{DB: w.rt.DB},
				Ticketing: adapters.Ticketing{Client: ticketingrpc.NewClient(w.rt.Bus.NC), PageSize: ticketsPageSize},
				Seeds:     adapters.SeedRepository{DB: w.rt.DB},
				Beacons:   w.beacons,
				Notify:    n.URL != "",
				Backoff:   app.Backoff{Base: retryBase, Cap: drawRetryCap}, Now: time.Now, Log: w.rt.Log,
			},
			NotifyWinners: app.NotifyWinners{Store: adapters.NotificationStore{DB: w.rt.DB}, Sender: webhook.NewPoster(n.URL, n.Secret),
				Backoff: app.Backoff{Base: retryBase, Cap: notifyRetryCap}, Now: time.Now},
		},
		Queries: app.Queries{
			GetProof:   app.GetProof{Proofs: reader, PageSize: proofPageSize},
			VerifyDraw: app.VerifyDraw{Draws: reader},
		},
	}
}

func (w *wiring) runDrawer() {
	h := w.application().Commands.DrawPool
	worker := ports.Worker{Name: "drawer", Step: h.Step, Poll: pollInterval, Wake: w.wake, Log: w.rt.Log}
	w.rt.Go("drawer", worker.Run)
}

// runNotifier delivers winner notifications when a webhook URL is configured.
func (w *wiring) runNotifier() {
	n := w.rt.Config.Notify
	if n.URL == "" {
		return
	}
	if n.Secret == "" {
		w.rt.Log.Warn("winner notifications are not signed with a secret: set TICKUP_NOTIFY_WEBHOOK_SECRET")
	}
	h := w.application().Commands.NotifyWinners
	worker := ports.Worker{Name: "notifier", Step: h.Step, Poll: pollInterval, Log: w.rt.Log}
	w.rt.Go("notifier", worker.Run)
}

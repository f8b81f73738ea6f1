package service

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/health"
	"tickup.dev/pkg/lifecycle"
	"tickup.dev/pkg/rpc"
)

// Version is the build's version, set with -ldflags "-X tickup.dev/pkg/service.Version=…".
var Version = "0.1.0-dev"

// Consume creates the durable consumer now and adds a component that runs it.
func (r *Runtime) Consume(ctx context.Context, spec bus.ConsumerSpec, h bus.BatchHandler) error {
	if err := r.Bus.EnsureConsumer(ctx, spec); err != nil {
		return fmt.Errorf("%s: %w", r.Name, err)
	}
	if r.streamMetrics != nil {
		r.streamMetrics.Watch(spec.Stream, spec.Durable)
	}
	r.Go("consumer "+spec.Durable, func(ctx context.Context) error { return r.Bus.Consume(ctx, spec, h) })
	return nil
}

// Routed is a consumer built with bus.NewRouter: its spec and its batch handler.
type Routed interface {
	Spec() bus.ConsumerSpec
	Handler() bus.BatchHandler
}

// Route creates the router's durable consumer now and adds a component that runs it, its
// batches measured in the service's metrics.
func (r *Runtime) Route(ctx context.Context, rt Routed) error {
	if r.consumerMetrics == nil {
		m, err := bus.NewConsumerMetrics(r.Metrics)
		if err != nil {
			return fmt.Errorf("%s: consumer metrics: %w", r.Name, err)
		}
		r.consumerMetrics = m
	}
	spec := rt.Spec()
	return r.Consume(ctx, spec, r.consumerMetrics.Middleware(spec.Durable)(rt.Handler()))
}

// Checks are the readiness checks of the service's real dependencies.
func (r *Runtime) Checks() []health.Check {
	sqlDB, _ := r.DB.DB()
	return []health.Check{health.DBCheck(sqlDB), health.NATSCheck(r.Bus.NC)}
}

// HealthHandler serves /healthz, /readyz and /metrics.
func (r *Runtime) HealthHandler() http.Handler { return health.New(r.Metrics, r.Checks()...) }

// ServeHealth listens now on the service's health port and serves HealthHandler until shutdown.
func (r *Runtime) ServeHealth() error {
	port := r.Config.HealthPorts[r.Name]
	return r.ServeHTTP(fmt.Sprintf(":%d", port), "health", r.HealthHandler())
}

// ServeHTTP listens on addr now (so a taken port fails start-up) and serves h until shutdown.
func (r *Runtime) ServeHTTP(addr, name string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("%s: listen %s for %s: %w", r.Name, addr, name, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	r.Log.Info("listening", "what", name, "addr", ln.Addr().String())
	r.Go(name+" server", lifecycle.HTTPListener(srv, ln))
	return nil
}

// Micro registers the service on NATS micro (discoverable with `nats micro ls`); replicas
// share its queue group. It is stopped before NATS drains.
func (r *Runtime) Micro(description string) (*rpc.Service, error) {
	svc, err := rpc.NewService(r.Bus.NC, r.Name, Version, description)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.Name, err)
	}
	r.OnStop("micro", func(context.Context) error { return svc.Stop() })
	return svc, nil
}

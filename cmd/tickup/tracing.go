package main

import (
	"context"
	"time"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/tracing"
)

// traced runs fn with the process's tracer provider installed (spans exported when
// tracing.otlp_endpoint is set) and flushes it afterwards. One provider per process:
// `tickup dev` names its spans' service "dev".
func traced(ctx context.Context, cfg config.Config, service string, fn func() error) error {
	stop, err := tracing.Setup(ctx, cfg.Tracing, service)
	if err != nil {
		return err
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = stop(ctx)
	}()
	return fn()
}

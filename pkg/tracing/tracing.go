// Package tracing sets up OpenTelemetry for a Tickup process: W3C trace context travels
// with every request and event (HTTP → outbox → NATS → consumer → its outbox → …), and
// spans are exported over OTLP/HTTP only when tracing.otlp_endpoint is set.
package tracing

import (
	"context"
	"fmt"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"

	"tickup.dev/pkg/config"
)

// instrumentation names the tracer Tickup's spans come from.
const instrumentation = "tickup.dev/pkg/tracing"

// Setup installs the process's tracer provider and the W3C propagator. With no endpoint
// spans still get ids (so trace ids reach logs and the next service) but nothing is
// recorded or exported. extra span processors (tests' in-memory exporters) record always.
// The returned function flushes and stops the provider.
func Setup(ctx context.Context, cfg config.Tracing, service string, extra ...sdktrace.SpanProcessor) (func(context.Context) error, error) {
	opts := []sdktrace.TracerProviderOption{
		sdktrace.WithResource(resource.NewSchemaless(attribute.String("service.name", "tickup-"+service))),
		sdktrace.WithSampler(sdktrace.NeverSample()),
	}
	if cfg.OTLPEndpoint != "" {
		exp, err := otlptracehttp.New(ctx, otlptracehttp.WithEndpointURL(cfg.OTLPEndpoint))
		if err != nil {
			return nil, fmt.Errorf("tracing: OTLP exporter for %s: %w", cfg.OTLPEndpoint, err)
		}
		opts = append(opts, sdktrace.WithBatcher(exp),
			sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.TraceIDRatioBased(cfg.SampleRatio))))
	}
	if len(extra) > 0 {
		opts = append(opts, sdktrace.WithSampler(sdktrace.AlwaysSample()))
	}
	for _, p := range extra {
		opts = append(opts, sdktrace.WithSpanProcessor(p))
	}
	tp := sdktrace.NewTracerProvider(opts...)
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	return tp.Shutdown, nil
}

// Tracer is the tracer of Tickup's spans, from the installed provider.
func Tracer() trace.Tracer { return otel.Tracer(instrumentation) }

// Extract returns ctx continuing the trace named by a W3C traceparent ("" starts none).
func Extract(ctx context.Context, traceparent string) context.Context {
	if traceparent == "" {
		return ctx
	}
	return propagation.TraceContext{}.Extract(ctx, propagation.MapCarrier{"traceparent": traceparent})
}

// Traceparent is the W3C traceparent of ctx's current span, "" when there is none.
func Traceparent(ctx context.Context) string {
	carrier := propagation.MapCarrier{}
	propagation.TraceContext{}.Inject(ctx, carrier)
	return carrier["traceparent"]
}

// IDs returns the trace and span ids of ctx's current span, empty when there is none.
func IDs(ctx context.Context) (traceID, spanID string) {
	sc := trace.SpanContextFromContext(ctx)
	if !sc.IsValid() {
		return "", ""
	}
	return sc.TraceID().String(), sc.SpanID().String()
}

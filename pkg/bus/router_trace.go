package bus

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"tickup.dev/pkg/tracing"
)

// startSpan starts the consumer span of handling parent's event (and, for a run handled in
// one call, the others of the run, linked): a child of the span that wrote the event, so
// one trace follows a request through every service.
func startSpan(ctx context.Context, durable string, run []Event, parent Event) (context.Context, trace.Span) {
	links := make([]trace.Link, 0, len(run))
	for _, ev := range run[1:] {
		if sc := trace.SpanContextFromContext(tracing.Extract(context.Background(), ev.Traceparent)); sc.IsValid() {
			links = append(links, trace.Link{SpanContext: sc})
		}
	}
	return tracing.Tracer().Start(tracing.Extract(ctx, parent.Traceparent), "consume "+parent.Type,
		trace.WithSpanKind(trace.SpanKindConsumer), trace.WithLinks(links...),
		trace.WithAttributes(attribute.String("messaging.system", "nats"),
			attribute.String("messaging.consumer.group.name", durable),
			attribute.String("messaging.message.id", parent.ID),
			attribute.Int("messaging.batch.message_count", len(run))))
}

func endSpan(span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
}

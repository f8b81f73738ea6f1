package httpapi

import (
	"fmt"

	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"tickup.dev/pkg/tracing"
)

// Trace starts the server span of every request, continuing the caller's trace when it
// sends a W3C traceparent; the events the request writes to the outbox carry it on.
func Trace() gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx := tracing.Extract(c.Request.Context(), c.GetHeader("traceparent"))
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		ctx, span := tracing.Tracer().Start(ctx, c.Request.Method+" "+route, trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(attribute.String("http.request.method", c.Request.Method), attribute.String("http.route", route)))
		defer span.End()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
		status := c.Writer.Status()
		span.SetAttributes(attribute.Int("http.response.status_code", status))
		if status >= 500 {
			span.SetStatus(codes.Error, fmt.Sprint(status))
		}
	}
}

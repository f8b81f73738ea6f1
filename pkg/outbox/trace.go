package outbox

import (
	"context"
	"io/fs"

	"tickup.dev/pkg/tracing"
)

type traceKey struct{}

// WithTraceparent returns ctx carrying a W3C traceparent that Add stores with each event, so
// the trace of the request that caused an event continues in its consumers.
func WithTraceparent(ctx context.Context, traceparent string) context.Context {
	return context.WithValue(ctx, traceKey{}, traceparent)
}

// traceparentFrom is the trace context an event written in ctx carries: the current span's,
// else one set with WithTraceparent.
func traceparentFrom(ctx context.Context) string {
	if tp := tracing.Traceparent(ctx); tp != "" {
		return tp
	}
	tp, _ := ctx.Value(traceKey{}).(string)
	return tp
}

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err) // the embedded directory is fixed at compile time
	}
	return sub
}

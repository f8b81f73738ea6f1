package lifecycle

import (
	"context"
	"sync/atomic"
	"time"
)

// DefaultGrace bounds ShutdownContext when the context does not come from a Group.
const DefaultGrace = 15 * time.Second

// deadlineKey is the context key of a Group's shutdown deadline.
type deadlineKey struct{}

// shutdownDeadline is set once shutdown begins, before the components' context is cancelled.
type shutdownDeadline struct{ unixNano atomic.Int64 }

func (d *shutdownDeadline) set(t time.Time) { d.unixNano.Store(t.UnixNano()) }

func (d *shutdownDeadline) get() (time.Time, bool) {
	n := d.unixNano.Load()
	return time.Unix(0, n), n != 0
}

// ShutdownContext returns the context a component uses to wind down after ctx is
// cancelled: it is not cancelled with ctx, and it expires shortly before the Group's
// shutdown deadline (DefaultGrace from now when ctx does not come from a running Group).
func ShutdownContext(ctx context.Context) (context.Context, context.CancelFunc) {
	deadline := time.Now().Add(DefaultGrace)
	if d, ok := ctx.Value(deadlineKey{}).(*shutdownDeadline); ok {
		if t, set := d.get(); set {
			deadline = t
		}
	}
	return context.WithDeadline(context.WithoutCancel(ctx), deadline)
}

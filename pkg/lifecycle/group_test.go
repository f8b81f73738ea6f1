package lifecycle

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

var errBoom = errors.New("boom")

// waiter is a well-behaved component: it runs until cancelled.
func waiter(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

// stuck ignores its context until the test ends.
func stuck(t *testing.T) func(context.Context) error {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	return func(context.Context) error {
		<-release
		return nil
	}
}

func TestGroupRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		grace        time.Duration
		cancelParent bool
		setup        func(t *testing.T, g *Group)
		wantIs       []error
		wantText     []string
	}{
		{name: "parent cancelled: clean shutdown", cancelParent: true, setup: func(t *testing.T, g *Group) {
			g.Go("a", waiter)
			g.Go("b", waiter)
			g.OnStop("db", func(context.Context) error { return nil })
		}},
		{name: "first failure cancels the others", setup: func(t *testing.T, g *Group) {
			g.Go("a", waiter)
			g.Go("b", func(context.Context) error { return errBoom })
			g.Go("c", waiter)
		}, wantIs: []error{errBoom}, wantText: []string{`component "b": boom`}},
		{name: "early nil return stops the group", setup: func(t *testing.T, g *Group) {
			g.Go("a", waiter)
			g.Go("b", func(context.Context) error { return nil })
		}, wantIs: []error{ErrStoppedEarly}, wantText: []string{`component "b"`}},
		{name: "overrun reported", grace: 50 * time.Millisecond, cancelParent: true, setup: func(t *testing.T, g *Group) {
			g.Go("fast", waiter)
			g.Go("slow", stuck(t))
		}, wantIs: []error{ErrOverran}, wantText: []string{`component "slow"`}},
		{name: "failure while stopping reported", cancelParent: true, setup: func(t *testing.T, g *Group) {
			g.Go("relay", func(ctx context.Context) error { <-ctx.Done(); return errBoom })
		}, wantIs: []error{errBoom}, wantText: []string{`component "relay": boom`}},
		{name: "closer failure reported", cancelParent: true, setup: func(t *testing.T, g *Group) {
			g.Go("a", waiter)
			g.OnStop("db", func(context.Context) error { return errBoom })
		}, wantIs: []error{errBoom}, wantText: []string{`closer "db": boom`}},
		{name: "closer overrun reported", grace: 50 * time.Millisecond, cancelParent: true, setup: func(t *testing.T, g *Group) {
			g.OnStop("nats", stuck(t))
			g.OnStop("db", waiter)
		}, wantIs: []error{ErrOverran}, wantText: []string{`closer "nats"`, `closer "db"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			grace := tc.grace
			if grace == 0 {
				grace = 10 * time.Second
			}
			g := NewGroup(grace)
			tc.setup(t, g)
			ctx, cancel := context.WithCancel(t.Context())
			if tc.cancelParent {
				cancel()
			}
			defer cancel()
			err := g.Run(ctx)
			if len(tc.wantIs) == 0 && err != nil {
				t.Fatalf("Run = %v, want nil", err)
			}
			for _, want := range tc.wantIs {
				if !errors.Is(err, want) {
					t.Errorf("Run = %v, want it to wrap %v", err, want)
				}
			}
			for _, want := range tc.wantText {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("Run = %v, want it to mention %s", err, want)
				}
			}
			if grace > time.Second && errors.Is(err, ErrOverran) {
				t.Errorf("Run = %v: components were not cancelled", err)
			}
		})
	}
}

func TestGroupClosersRunInReverseAfterComponents(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var events []string
	record := func(event string) {
		mu.Lock()
		defer mu.Unlock()
		events = append(events, event)
	}
	const grace = 5 * time.Second
	g := NewGroup(grace)
	g.Go("worker", func(ctx context.Context) error {
		<-ctx.Done()
		record("worker stopped")
		return nil
	})
	for _, name := range []string{"db", "nats", "tracer"} {
		g.OnStop(name, func(ctx context.Context) error {
			deadline, ok := ctx.Deadline()
			if ctx.Err() != nil || !ok || time.Until(deadline) > grace {
				t.Errorf("closer %s: context err %v, deadline %v; want live and within grace", name, ctx.Err(), deadline)
			}
			record(name)
			return nil
		})
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := g.Run(ctx); err != nil {
		t.Fatalf("Run = %v", err)
	}
	want := []string{"worker stopped", "tracer", "nats", "db"}
	if strings.Join(events, ",") != strings.Join(want, ",") {
		t.Errorf("events %v, want %v", events, want)
	}
}

func TestShutdownContext(t *testing.T) {
	t.Parallel()
	const grace = 3 * time.Second
	tests := []struct {
		name   string
		inside bool
		max    time.Duration
	}{
		{name: "outside a group", max: DefaultGrace},
		{name: "inside a group", inside: true, max: grace},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			check := func(ctx context.Context) {
				sctx, cancel := ShutdownContext(ctx)
				defer cancel()
				deadline, ok := sctx.Deadline()
				if sctx.Err() != nil || !ok || time.Until(deadline) > tc.max || time.Until(deadline) < tc.max*9/10 {
					t.Errorf("err %v, deadline in %v; want live, about %v", sctx.Err(), time.Until(deadline), tc.max)
				}
			}
			ctx, cancel := context.WithCancel(t.Context())
			cancel()
			if !tc.inside {
				check(ctx)
				return
			}
			g := NewGroup(grace)
			g.Go("checker", func(ctx context.Context) error { <-ctx.Done(); check(ctx); return nil })
			if err := g.Run(ctx); err != nil {
				t.Fatalf("Run = %v", err)
			}
		})
	}
}

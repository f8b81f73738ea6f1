package lifecycle

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// ErrStoppedEarly reports a component that returned nil before shutdown began; components
// are long-running, so this stops the whole group.
var ErrStoppedEarly = errors.New("stopped before shutdown")

// ErrOverran reports a component or closer still running when the grace period ran out.
var ErrOverran = errors.New("did not stop within the grace period")

// shutdownMarginDivisor keeps 1/20 of the grace between ShutdownContext's deadline and the
// group's, so that a component whose shutdown timed out can still report why.
const shutdownMarginDivisor = 20

// Group runs named long-running components until its context is cancelled or one of them
// returns, then shuts down: components get until the grace period ends to return, and the
// closers registered with OnStop run afterwards, in reverse order, within what is left.
type Group struct {
	grace      time.Duration
	logger     *slog.Logger
	mu         sync.Mutex
	components []named
	closers    []named
}

// named is a component or closer.
type named struct {
	name string
	fn   func(ctx context.Context) error
}

// Option configures a Group.
type Option func(*Group)

// WithLogger makes the Group log its shutdown steps.
func WithLogger(logger *slog.Logger) Option {
	return func(g *Group) { g.logger = logger }
}

// NewGroup returns a Group whose shutdown may take at most grace.
func NewGroup(grace time.Duration, opts ...Option) *Group {
	g := &Group{grace: grace, logger: slog.New(slog.DiscardHandler)}
	for _, opt := range opts {
		opt(g)
	}
	return g
}

// Go adds a component to start when Run is called. fn must return soon after its context
// is cancelled; it may use ShutdownContext to finish work in flight.
func (g *Group) Go(name string, fn func(ctx context.Context) error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.components = append(g.components, named{name, fn})
}

// OnStop registers a closer (drain NATS, close the database) to run after every component
// has stopped. Closers run in reverse registration order; each gets a context that expires
// at the end of the grace period. It may be called while the Group runs.
func (g *Group) OnStop(name string, fn func(ctx context.Context) error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closers = append(g.closers, named{name, fn})
}

// result is what component index returned.
type result struct {
	index int
	err   error
}

// Run starts the components and blocks until shutdown is complete. It returns nil after a
// clean shutdown, or an error naming each component or closer that failed or overran.
func (g *Group) Run(ctx context.Context) error {
	// Components see cancellation only from Run, after the deadline is set; they keep ctx's values.
	deadline := &shutdownDeadline{}
	runCtx, cancel := context.WithCancel(context.WithValue(context.WithoutCancel(ctx), deadlineKey{}, deadline))
	defer cancel()
	g.mu.Lock()
	components := append([]named(nil), g.components...)
	g.mu.Unlock()
	results := make(chan result, len(components))
	for i, c := range components {
		go func() { results <- result{i, c.fn(runCtx)} }()
	}
	running := make(map[int]bool, len(components))
	for i := range components {
		running[i] = true
	}
	errs := g.waitForShutdown(ctx, results, components, running)
	end := time.Now().Add(g.grace)
	deadline.set(end.Add(-g.grace / shutdownMarginDivisor))
	cancel()
	errs = append(errs, g.awaitComponents(results, components, running, end)...)
	errs = append(errs, g.runClosers(ctx, end)...)
	g.logger.Info("shutdown complete", "failures", len(errs))
	return errors.Join(errs...)
}

// waitForShutdown blocks until ctx is cancelled or a component returns, and reports that
// return.
func (g *Group) waitForShutdown(ctx context.Context, results <-chan result, all []named, running map[int]bool) []error {
	select {
	case <-ctx.Done():
		g.logger.Info("shutting down", "reason", context.Cause(ctx))
		return nil
	case r := <-results:
		delete(running, r.index)
		err := r.err
		if err == nil {
			err = ErrStoppedEarly
		}
		g.logger.Error("component stopped, shutting down", "component", all[r.index].name, "err", err)
		return []error{fmt.Errorf("component %q: %w", all[r.index].name, err)}
	}
}

// awaitComponents waits until end for the running components to return.
func (g *Group) awaitComponents(results <-chan result, all []named, running map[int]bool, end time.Time) []error {
	var errs []error
	timer := time.NewTimer(time.Until(end))
	defer timer.Stop()
	for len(running) > 0 {
		select {
		case r := <-results:
			delete(running, r.index)
			if r.err != nil && !errors.Is(r.err, context.Canceled) {
				errs = append(errs, fmt.Errorf("component %q: %w", all[r.index].name, r.err))
			}
		case <-timer.C:
			for i, c := range all {
				if running[i] {
					errs = append(errs, fmt.Errorf("component %q: %w (%s)", c.name, ErrOverran, g.grace))
				}
			}
			return errs
		}
	}
	return errs
}

// runClosers runs the closers newest first, each bounded by end.
func (g *Group) runClosers(ctx context.Context, end time.Time) []error {
	g.mu.Lock()
	closers := append([]named(nil), g.closers...)
	g.mu.Unlock()
	var errs []error
	for i := len(closers) - 1; i >= 0; i-- {
		c := closers[i]
		if err := runBounded(context.WithoutCancel(ctx), end, c.fn); err != nil {
			errs = append(errs, fmt.Errorf("closer %q: %w", c.name, err))
		}
		g.logger.Debug("closer done", "closer", c.name)
	}
	return errs
}

// runBounded runs fn with a context that expires at end and stops waiting for it then.
func runBounded(ctx context.Context, end time.Time, fn func(context.Context) error) error {
	ctx, cancel := context.WithDeadline(ctx, end)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		select {
		case err := <-done: // finished just in time
			return err
		default:
			return ErrOverran
		}
	}
}

package lifecycle

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
)

// HTTPServer returns a component that serves srv on srv.Addr. When its context is
// cancelled it stops accepting connections and lets requests in flight finish until the
// shutdown deadline (see ShutdownContext); then it closes whatever is left and reports it.
// Long-lived responses (SSE) must end on their own: srv.RegisterOnShutdown tells them when.
func HTTPServer(srv *http.Server) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		return serve(ctx, srv, srv.Addr, srv.ListenAndServe)
	}
}

// HTTPListener is HTTPServer on a listener the caller opened (for example on port 0).
func HTTPListener(srv *http.Server, ln net.Listener) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		return serve(ctx, srv, ln.Addr().String(), func() error { return srv.Serve(ln) })
	}
}

func serve(ctx context.Context, srv *http.Server, addr string, listen func() error) error {
	served := make(chan error, 1)
	go func() { served <- listen() }()
	select {
	case err := <-served:
		return fmt.Errorf("serve http on %s: %w", addr, err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := ShutdownContext(ctx)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close() // cut off the requests that overran
		<-served
		return fmt.Errorf("shut down http server on %s: %w", addr, err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve http on %s: %w", addr, err)
	}
	return nil
}

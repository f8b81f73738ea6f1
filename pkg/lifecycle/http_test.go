package lifecycle

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

// slowHandler signals started when a request arrives and answers "done" once released.
type slowHandler struct {
	started chan struct{}
	release chan struct{}
}

func newSlowHandler() *slowHandler {
	return &slowHandler{started: make(chan struct{}, 1), release: make(chan struct{})}
}

func (h *slowHandler) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	h.started <- struct{}{}
	<-h.release
	_, _ = io.WriteString(w, "done")
}

// get requests url in the background and delivers the body or the error.
func get(url string) <-chan string {
	out := make(chan string, 1)
	go func() {
		resp, err := (&http.Client{Transport: &http.Transport{}}).Get(url)
		if err != nil {
			out <- "error: " + err.Error()
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		out <- string(body)
	}()
	return out
}

// receive waits for a value or fails the test after a generous deadline.
func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		var zero T
		return zero
	}
}

func TestHTTPServerFinishesInFlightRequest(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := newSlowHandler()
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	shutdownBegan := make(chan struct{})
	srv.RegisterOnShutdown(func() { close(shutdownBegan) })
	g := NewGroup(10 * time.Second)
	g.Go("http", HTTPListener(srv, ln))
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	ran := make(chan error, 1)
	go func() { ran <- g.Run(ctx) }()

	body := get("http://" + ln.Addr().String() + "/slow")
	receive(t, h.started, "the request to arrive")
	cancel()
	receive(t, shutdownBegan, "shutdown to begin")
	if conn, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		conn.Close()
		t.Error("server still accepts connections during shutdown")
	}
	close(h.release)
	if got := receive(t, body, "the response"); got != "done" {
		t.Errorf("in-flight request got %q, want done", got)
	}
	if err := receive(t, ran, "Run to return"); err != nil {
		t.Errorf("Run = %v, want nil", err)
	}
}

func TestHTTPServerErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		start  func(t *testing.T, g *Group) (url string, h *slowHandler)
		wantIs error
	}{
		{name: "address in use", wantIs: syscall.EADDRINUSE, start: func(t *testing.T, g *Group) (string, *slowHandler) {
			taken, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { taken.Close() })
			g.Go("http", HTTPServer(&http.Server{Addr: taken.Addr().String(), ReadHeaderTimeout: time.Second}))
			return "", nil
		}},
		{name: "request overrunning the grace is cut off", wantIs: context.DeadlineExceeded,
			start: func(t *testing.T, g *Group) (string, *slowHandler) {
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					t.Fatal(err)
				}
				h := newSlowHandler()
				t.Cleanup(func() { close(h.release) })
				g.Go("http", HTTPListener(&http.Server{Handler: h, ReadHeaderTimeout: time.Second}, ln))
				return "http://" + ln.Addr().String(), h
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			g := NewGroup(time.Second) // 1/20 of it lets the server report its timeout
			url, h := tc.start(t, g)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			ran := make(chan error, 1)
			go func() { ran <- g.Run(ctx) }()
			var body <-chan string
			if h != nil {
				body = get(url)
				receive(t, h.started, "the request to arrive")
				cancel()
			}
			err := receive(t, ran, "Run to return")
			if !errors.Is(err, tc.wantIs) || !strings.Contains(err.Error(), `component "http"`) {
				t.Errorf("Run = %v, want it to name the component and wrap %v", err, tc.wantIs)
			}
			if body != nil {
				if got := receive(t, body, "the response"); !strings.HasPrefix(got, "error:") {
					t.Errorf("overrunning request got %q, want it cut off", got)
				}
			}
		})
	}
}

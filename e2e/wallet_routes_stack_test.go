package e2e

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/config"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
)

// backendWait bounds the start and stop of a backend service.
const backendWait = 60 * time.Second

// stack is a gateway with real backend services beside it: the same test database (each
// service connected as its own role) and the same NATS server.
type stack struct {
	*gateway
	admin string    // admin URL of the shared test database
	bus   *bus.Conn // a test client of the shared NATS server
}

// backend is a service to run beside the gateway.
type backend struct {
	name string
	run  func(context.Context, config.Config) error
}

// startStack starts a gateway, then each backend on its database and NATS; everything
// stops when the test ends (the backends first).
func startStack(t *testing.T, backends ...backend) *stack {
	t.Helper()
	return startStackWith(t, nil, backends...)
}

// startStackWith is startStack with edits to the gateway's setup (webhook secrets, say).
func startStackWith(t *testing.T, edits []func(*setup), backends ...backend) *stack {
	t.Helper()
	g := startGateway(t, edits...)
	var name string
	if err := g.db.Raw(`SELECT current_database()`).Scan(&name).Error; err != nil {
		t.Fatalf("database name: %v", err)
	}
	admin, err := db.WithDatabase(testenv.AdminURL(t), name)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := bus.Connect(context.Background(), g.nats, "test-"+t.Name(), nil)
	if err != nil {
		t.Fatalf("connect bus: %v", err)
	}
	t.Cleanup(conn.Close)
	if err := conn.EnsureStreams(context.Background(), events.Streams()...); err != nil {
		t.Fatalf("streams: %v", err)
	}
	s := &stack{gateway: g, admin: admin, bus: conn}
	for _, b := range backends {
		s.runBackend(t, b)
	}
	return s
}

// serviceDB connects to the shared database as service's role (search_path = its schema).
func (s *stack) serviceDB(t *testing.T, service string) string {
	t.Helper()
	return testenv.ServiceDSN(t, s.admin, service)
}

// runBackend runs b in process until the test ends and waits until it is ready.
func (s *stack) runBackend(t *testing.T, b backend) {
	t.Helper()
	cfg := testenv.Config(t, s.serviceDB(t, b.name), s.nats)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.run(ctx, cfg) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%s.Run: %v", b.name, err)
			}
		case <-time.After(backendWait):
			t.Errorf("%s.Run still running %s after cancel", b.name, backendWait)
		}
	})
	url := fmt.Sprintf("http://127.0.0.1:%d/readyz", cfg.HealthPorts[b.name])
	testenv.WaitFor(t, backendWait, b.name+" ready", func() error {
		select {
		case err := <-done:
			t.Fatalf("%s stopped while starting: %v", b.name, err)
		default:
		}
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("%s answered %s", url, resp.Status)
		}
		return nil
	})
}

// publish stores an event in its stream under the message id id, as its producer would.
func (s *stack) publish(t *testing.T, id string, e events.Event) {
	t.Helper()
	data, err := events.Encode(e)
	if err != nil {
		t.Fatalf("encode %s: %v", e.EventType(), err)
	}
	msg := bus.Message{ID: id, Subject: e.EventSubject(), Type: e.EventType(), Data: data}
	if err := s.bus.Publish(context.Background(), msg); err != nil {
		t.Fatalf("publish %s: %v", id, err)
	}
}

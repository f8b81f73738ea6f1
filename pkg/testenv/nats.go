package testenv

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// natsReadyTimeout bounds how long a fresh embedded server may take to accept clients.
const natsReadyTimeout = 10 * time.Second

// StartEmbeddedNATS starts an in-process nats-server with JetStream enabled, listening on
// 127.0.0.1:port (-1 picks a free port) and storing streams under storeDir. It returns
// once the server accepts connections; the caller owns Shutdown and WaitForShutdown.
func StartEmbeddedNATS(storeDir string, port int) (*server.Server, error) {
	if storeDir == "" {
		return nil, errors.New("start embedded nats: store dir is empty")
	}
	opts := &server.Options{
		ServerName: "tickup-embedded",
		Host:       "127.0.0.1",
		Port:       port,
		JetStream:  true,
		StoreDir:   storeDir,
		NoLog:      true,
		NoSigs:     true,
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("start embedded nats: %w", err)
	}
	s.Start()
	if !s.ReadyForConnections(natsReadyTimeout) {
		s.Shutdown()
		s.WaitForShutdown()
		return nil, fmt.Errorf("start embedded nats on port %d: not ready after %s", port, natsReadyTimeout)
	}
	return s, nil
}

// NATS starts an embedded nats-server with JetStream for one test, on a random port with
// its store in the test's temporary directory, and shuts it down when the test ends.
func NATS(t testing.TB) *server.Server {
	t.Helper()
	dir := t.TempDir() // registered before the shutdown below, so removed after it
	s, err := StartEmbeddedNATS(dir, -1)
	if err != nil {
		t.Fatalf("testenv: %v", err)
	}
	t.Cleanup(func() {
		s.Shutdown()
		s.WaitForShutdown()
	})
	return s
}

// NATSURL starts an embedded nats-server for one test (see NATS) and returns its client URL.
func NATSURL(t testing.TB) string {
	t.Helper()
	return NATS(t).ClientURL()
}

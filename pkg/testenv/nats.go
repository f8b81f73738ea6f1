package testenv

import (
	"testing"

	"github.com/nats-io/nats-server/v2/server"

	"tickup.dev/pkg/natsserver"
)

// NATS starts an embedded nats-server with JetStream for one test, on a random port with
// its store in the test's temporary directory, and shuts it down when the test ends.
func NATS(t testing.TB) *server.Server {
	t.Helper()
	dir := t.TempDir() // registered before the shutdown below, so removed after it
	s, err := natsserver.Start(dir, -1)
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

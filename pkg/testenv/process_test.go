package testenv_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/testenv"
)

// TestNATSServerProcessCanBeKilled builds nats-server from the module version in go.mod, runs
// it as a separate process with JetStream, and kills it with SIGKILL.
func TestNATSServerProcessCanBeKilled(t *testing.T) {
	url, proc := testenv.NATSServerProcess(t)
	nc, err := nats.Connect(url, nats.MaxReconnects(0))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	var major, minor int
	if _, err := fmt.Sscanf(nc.ConnectedServerVersion(), "%d.%d", &major, &minor); err != nil || major < 2 || (major == 2 && minor < 10) {
		t.Fatalf("server version %s, want 2.10 or newer (multiple filter subjects)", nc.ConnectedServerVersion())
	}
	js, _ := jetstream.New(nc)
	ctx := context.Background()
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "PROC", Subjects: []string{"tickup.proc.>"}}); err != nil {
		t.Fatalf("JetStream in the process: %v", err)
	}
	proc.Kill()
	testenv.WaitFor(t, 10*time.Second, "the connection to notice the kill", func() error {
		if nc.IsConnected() {
			return errors.New("still connected")
		}
		return nil
	})
	if code, _ := proc.Wait(time.Second); code != -1 {
		t.Fatalf("exit code %d after SIGKILL, want -1 (killed by a signal)", code)
	}
}

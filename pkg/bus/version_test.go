package bus_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

func TestServerVersionCheck(t *testing.T) {
	t.Parallel()
	cases := []struct {
		version string
		ok      bool
	}{
		{"2.9.25", false},
		{"2.9.10", false},
		{"2.2.0", false},
		{"1.4.1", false},
		{"2.10.0", true},
		{"2.10.0-RC.1", true},
		{"2.15.2", true},
		{"3.0.0", true},
		{"v2.11.4", true},
		{"", false},
		{"garbage", false},
		{"2", false},
		{"2.x.1", false},
	}
	for _, c := range cases {
		err := bus.CheckServerVersion(c.version)
		if (err == nil) != c.ok {
			t.Errorf("CheckServerVersion(%q) = %v, want ok %v", c.version, err, c.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "2.10") {
			t.Errorf("CheckServerVersion(%q) error %q does not name 2.10", c.version, err)
		}
	}
}

// TestOldNATSIsRefusedBeforeAnyStream runs against the system nats-server 2.9 when one
// listens on 127.0.0.1:4222; elsewhere there is no old server to refuse, so it skips.
func TestOldNATSIsRefusedBeforeAnyStream(t *testing.T) {
	const url = "nats://127.0.0.1:4222"
	probe, err := net.DialTimeout("tcp", "127.0.0.1:4222", time.Second)
	if err != nil {
		t.Skipf("no NATS server at %s to check against: %v", url, err)
	}
	_ = probe.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := bus.Connect(ctx, url, "tickup-version-test", nil)
	if err != nil {
		t.Skipf("cannot connect to %s: %v", url, err)
	}
	defer c.Close()
	if bus.CheckServerVersion(c.NC.ConnectedServerVersion()) == nil {
		t.Skipf("the server at %s is %s, new enough: nothing to refuse", url, c.NC.ConnectedServerVersion())
	}
	name := "TICKUP_VERSION_CHECK_" + strings.ReplaceAll(t.Name(), "/", "_")
	stream := events.Stream{Name: name, Subjects: []string{"tickupversioncheck.>"}, MaxAge: time.Hour}
	err = c.EnsureStreams(ctx, stream)
	if err == nil {
		_ = c.JS.DeleteStream(ctx, name)
		t.Fatal("EnsureStreams on an old server succeeded")
	}
	msg := err.Error()
	for _, want := range []string{"NATS server " + c.NC.ConnectedServerVersion(), url, "needs 2.10 or newer", "tickup dev"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	if _, err := c.JS.Stream(ctx, name); !errors.Is(err, jetstream.ErrStreamNotFound) {
		_ = c.JS.DeleteStream(ctx, name)
		t.Errorf("stream %s exists after the refusal (lookup error %v)", name, err)
	}
}

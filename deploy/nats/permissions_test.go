package nats

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/drawrpc"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/contract/ticketingrpc"
	"tickup.dev/pkg/contract/walletrpc"
)

// clients are the users of tickup.conf; each test password is "<user>-secret".
var clients = []string{"api", "ticketing", "wallet", "draw", "operator"}

func TestEachServiceMayDoOnlyWhatItDoes(t *testing.T) {
	url := startServer(t)
	wallet, walletErrs := connect(t, url, "wallet")
	if err := wallet.EnsureStreams(context.Background(), events.Streams()...); err != nil {
		t.Fatalf("wallet cannot create the streams: %v", err)
	}
	publishEvent(t, wallet, events.TypeHoldPlaced)
	serve(t, wallet, walletrpc.CreateAdjustment.Subject)
	ticketing, _ := connect(t, url, "ticketing")
	serve(t, ticketing, ticketingrpc.PoolStart.Subject)
	serve(t, ticketing, ticketingrpc.PoolCreate.Subject)
	draw, drawErrs := connect(t, url, "draw")
	serve(t, draw, drawrpc.Commit.Subject)
	api, _ := connect(t, url, "api")

	// Allowed: the calls each service makes today.
	call(t, api, walletrpc.CreateAdjustment.Subject)
	call(t, api, ticketingrpc.PoolCreate.Subject)
	call(t, draw, ticketingrpc.PoolStart.Subject)
	call(t, ticketing, drawrpc.Commit.Subject)

	// Refused: another service's events and endpoints it does not call.
	denied(t, wallet, walletErrs, events.TypeTicketIssued.Subject("pool-1"))
	denied(t, wallet, walletErrs, walletrpc.CreateAdjustment.Subject)
	denied(t, draw, drawErrs, walletrpc.CreateAdjustment.Subject)
	denied(t, draw, drawErrs, ticketingrpc.PoolCreate.Subject)
}

func TestAWrongPasswordIsRefused(t *testing.T) {
	url := startServer(t)
	_, err := bus.Connect(context.Background(), url, "intruder", nil, bus.UserInfo("wallet", "api-secret"))
	if err == nil || !strings.Contains(err.Error(), "Authorization Violation") {
		t.Fatalf("wallet with the api's password: %v, want an authorization violation", err)
	}
	if _, err := bus.Connect(context.Background(), url, "anonymous", nil); err == nil {
		t.Fatal("an anonymous client connected")
	}
}

// startServer runs the nats-server module's server with tickup.conf (store in the test's
// directory, random ports) until the test ends.
func startServer(t *testing.T) string {
	t.Helper()
	for _, c := range clients {
		t.Setenv("TICKUP_NATS_PASSWORD_"+strings.ToUpper(c), c+"-secret")
	}
	opts, err := server.ProcessConfigFile("tickup.conf")
	if err != nil {
		t.Fatalf("tickup.conf: %v", err)
	}
	opts.Port, opts.HTTPPort, opts.StoreDir = -1, 0, t.TempDir()
	s, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	t.Cleanup(func() { s.Shutdown(); s.WaitForShutdown() })
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server not ready")
	}
	return s.ClientURL()
}

// connect logs in as user through bus.Connect; the channel receives the server's async
// errors (permission violations).
func connect(t *testing.T, url, user string) (*bus.Conn, chan error) {
	t.Helper()
	errs := make(chan error, 16)
	c, err := bus.Connect(context.Background(), url, "tickup-"+user, nil, bus.UserInfo(user, user+"-secret"),
		nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) { errs <- err }))
	if err != nil {
		t.Fatalf("connect as %s: %v", user, err)
	}
	t.Cleanup(c.Close)
	return c, errs
}

func publishEvent(t *testing.T, c *bus.Conn, typ events.Type) {
	t.Helper()
	err := c.Publish(context.Background(), bus.Message{ID: "e-1", Subject: typ.Subject("x"), Type: typ.String(), Data: []byte(`{}`)})
	if err != nil {
		t.Fatalf("publish %s: %v", typ, err)
	}
}

// serve answers every request on subject, as an RPC endpoint does.
func serve(t *testing.T, c *bus.Conn, subject string) {
	t.Helper()
	_, err := c.NC.QueueSubscribe(subject, "q", func(m *nats.Msg) { _ = m.Respond([]byte(`{"ok":true}`)) })
	if err == nil {
		err = c.NC.Flush()
	}
	if err != nil {
		t.Fatalf("serve %s: %v", subject, err)
	}
}

func call(t *testing.T, c *bus.Conn, subject string) {
	t.Helper()
	if _, err := c.NC.Request(subject, []byte(`{}`), 5*time.Second); err != nil {
		t.Errorf("%s calling %s: %v", c.NC.Opts.User, subject, err)
	}
}

// denied publishes to subject and waits for the server's permission violation naming it.
func denied(t *testing.T, c *bus.Conn, errs chan error, subject string) {
	t.Helper()
	if err := c.NC.Publish(subject, []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("permissions violation for publish to %q", subject)
	deadline := time.After(10 * time.Second)
	for {
		select {
		case err := <-errs:
			if errors.Is(err, nats.ErrPermissionViolation) && strings.Contains(strings.ToLower(err.Error()), want) {
				return
			}
		case <-deadline:
			t.Errorf("%s publishing to %s: no permission violation", c.NC.Opts.User, subject)
			return
		}
	}
}

package main

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"tickup.dev/pkg/testenv"
)

// natsClients are the users of deploy/nats/tickup.conf; each test password is "<user>-secret".
var natsClients = []string{"api", "ticketing", "wallet", "draw", "operator"}

// TestServicesRunAsTheirNATSUsers starts the four services as separate processes, each logged in
// as its own user of deploy/nats/tickup.conf: every one becomes ready (its streams and durables
// created within its permissions), `tickup status` as the operator sees all nine durables and
// the realtime feed's ordered consumers, and the api's call to ticketing answers.
func TestServicesRunAsTheirNATSUsers(t *testing.T) {
	env := []string{"DATABASE_URL=" + testenv.FreshDatabase(t), "NATS_URL=" + startProductionNATS(t),
		"SUPABASE_JWT=" + strings.Repeat("j", 40), "TICKUP_LOG_FORMAT=text", "TICKUP_LOG_LEVEL=warn",
		"TICKUP_DATA_DIR=" + t.TempDir()}
	apiPort := testenv.FreePort(t)
	env = append(env, fmt.Sprintf("BACKEND_PORT=%d", apiPort))
	for _, s := range []string{"TICKETING", "WALLET", "DRAW"} {
		env = append(env, fmt.Sprintf("TICKUP_%s_HEALTH_PORT=%d", s, testenv.FreePort(t)))
	}
	for _, c := range natsClients {
		env = append(env, "TICKUP_NATS_USER_"+strings.ToUpper(c)+"="+c, "TICKUP_NATS_PASSWORD_"+strings.ToUpper(c)+"="+c+"-secret")
	}
	run := cliRunner(t, env...)
	if code, out := run("migrate"); code != 0 {
		t.Fatalf("migrate: exit %d\n%s", code, out)
	}
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	for _, name := range serviceNames() {
		testenv.StartProcess(t, "serve "+name, bin, []string{"serve", name}, append(env, "TICKUP_ENV=test")...)
	}

	var out string
	eventually(t, "every service ready", func() bool {
		var code int
		code, out = run("status")
		return code == 0
	})
	durables := regexp.MustCompile(`(?m)^(api|ticketing|wallet|draw)-[a-z]+\s+(API|TICKETING|WALLET|DRAW)\s`).FindAllString(out, -1)
	if len(durables) != 9 {
		t.Errorf("status lists %d durables, want 9:\n%s", len(durables), out)
	}
	// The api's realtime feed follows the streams through ordered consumers (generated names).
	if !regexp.MustCompile(`(?m)^[A-Za-z0-9]+_\d+\s+TICKETING\s`).MatchString(out) {
		t.Errorf("status shows no ordered consumer of the api's realtime feed on TICKETING:\n%s", out)
	}
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/api/v1/pools", apiPort))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /api/v1/pools (api → ticketing): %s, want 200", resp.Status)
	}
}

// startProductionNATS runs the nats-server module's server with deploy/nats/tickup.conf.
func startProductionNATS(t *testing.T) string {
	t.Helper()
	for _, c := range natsClients {
		t.Setenv("TICKUP_NATS_PASSWORD_"+strings.ToUpper(c), c+"-secret")
	}
	opts, err := server.ProcessConfigFile("../../deploy/nats/tickup.conf")
	if err != nil {
		t.Fatal(err)
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

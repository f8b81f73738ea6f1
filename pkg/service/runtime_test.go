package service_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tickup.dev/pkg/natsserver"
	"tickup.dev/pkg/service"
	"tickup.dev/pkg/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

// TestRuntimeReadinessFollowsItsDependenciesAndStopsCleanly starts a service on its own role,
// checks that /readyz really asks NATS (stopping the server turns it 503), and that a
// cancelled context shuts everything down with no error.
func TestRuntimeReadinessFollowsItsDependenciesAndStopsCleanly(t *testing.T) {
	admin := testenv.Database(t)
	dsn := testenv.ServiceDSN(t, admin, "sample")
	ns, err := natsserver.Start(t.TempDir(), -1)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { ns.Shutdown(); ns.WaitForShutdown() }()
	cfg := testenv.Config(t, dsn, ns.ClientURL())
	cfg.HealthPorts["sample"] = testenv.FreePort(t)
	own := fstest.MapFS{"0001_thing.sql": {Data: []byte("CREATE TABLE thing (id int PRIMARY KEY)")}}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rt, err := service.Start(ctx, cfg, service.Spec{Name: "sample", Migrations: own})
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.ServeHealth(); err != nil {
		t.Fatal(rt.Abort(err))
	}
	done := make(chan error, 1)
	go func() { done <- rt.Run(ctx) }()

	readyz := fmt.Sprintf("http://127.0.0.1:%d/readyz", cfg.HealthPorts["sample"])
	testenv.WaitFor(t, 10*time.Second, "ready", func() error { return expectStatus(readyz, http.StatusOK) })
	if err := rt.DB.Exec(`INSERT INTO thing (id) VALUES (1)`).Error; err != nil {
		t.Fatalf("the service's own migration was not applied in its schema: %v", err)
	}

	ns.Shutdown()
	ns.WaitForShutdown()
	testenv.WaitFor(t, 10*time.Second, "not ready without NATS", func() error { return expectStatus(readyz, http.StatusServiceUnavailable) })

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after cancel: %v, want a clean stop", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

func TestStartFailsClearlyWithoutPostgres(t *testing.T) {
	cfg := testenv.Config(t, "postgresql://postgres@127.0.0.1:1/none?connect_timeout=2", testenv.NATSURL(t))
	_, err := service.Start(context.Background(), cfg, service.Spec{Name: "sample"})
	if err == nil {
		t.Fatal("Start succeeded without a database")
	}
	if want := "PostgreSQL is unreachable"; !strings.Contains(err.Error(), want) {
		t.Fatalf("error %q does not say %q", err, want)
	}
}

func expectStatus(url string, want int) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		return fmt.Errorf("%s answered %d, want %d", url, resp.StatusCode, want)
	}
	return nil
}

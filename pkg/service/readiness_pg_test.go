package service_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"tickup.dev/pkg/natsserver"
	"tickup.dev/pkg/pgcluster"
	"tickup.dev/pkg/service"
	"tickup.dev/pkg/testenv"
)

// TestReadinessFollowsPostgresDownAndBack runs a service on a private PostgreSQL, crashes
// the database (pg_ctl -m immediate) and starts it again: /readyz says 503 while it is away
// and 200 once it is back, without restarting the service.
func TestReadinessFollowsPostgresDownAndBack(t *testing.T) {
	if matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb"); len(matches) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("initdb is missing: .ci/run installs PostgreSQL's server package")
		}
		t.Skip("initdb is missing: this test needs a private PostgreSQL it can crash")
	}
	pg, err := pgcluster.Init(filepath.Join(t.TempDir(), "pg"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pg.Stop("fast") })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	conn, err := pgx.Connect(ctx, pg.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE sample"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	ns, err := natsserver.Start(t.TempDir(), -1)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { ns.Shutdown(); ns.WaitForShutdown() }()
	cfg := testenv.Config(t, pg.URL("sample"), ns.ClientURL())
	cfg.HealthPorts["sample"] = testenv.FreePort(t)
	rt, err := service.Start(ctx, cfg, service.Spec{Name: "sample"})
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.ServeHealth(); err != nil {
		t.Fatal(rt.Abort(err))
	}
	done := make(chan error, 1)
	go func() { done <- rt.Run(ctx) }()
	defer func() { cancel(); <-done }()

	readyz := fmt.Sprintf("http://127.0.0.1:%d/readyz", cfg.HealthPorts["sample"])
	testenv.WaitFor(t, 10*time.Second, "ready", func() error { return expectStatus(readyz, http.StatusOK) })
	if err := pg.Stop("immediate"); err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, 20*time.Second, "not ready while PostgreSQL is down", func() error {
		return expectStatus(readyz, http.StatusServiceUnavailable)
	})
	if err := pg.Start(); err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, 30*time.Second, "ready again once PostgreSQL is back", func() error {
		return expectStatus(readyz, http.StatusOK)
	})
}

package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
)

// TestMain keeps the tests away from the developer's own dev settings
// (~/.config/tickup/dev.env): every test sees an empty XDG_CONFIG_HOME of its own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tickup-cmd-config-")
	if err != nil {
		panic(err)
	}
	_ = os.Setenv("XDG_CONFIG_HOME", dir)
	code := testenv.RunMain(m)
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// TestDevServesEveryServiceAndStopsCleanly runs `tickup dev` as a separate process on a
// fresh database (that it creates), waits for /readyz on every service, and sends SIGTERM.
func TestDevServesEveryServiceAndStopsCleanly(t *testing.T) {
	admin := testenv.AdminURL(t)
	dsn, _ := db.WithDatabase(admin, "tickup_test_dev_"+strings.ReplaceAll(fmt.Sprint(time.Now().UnixNano()), "-", ""))
	t.Cleanup(func() { dropDatabase(t, admin, dsn) })
	ports := map[string]int{"api": testenv.FreePort(t), "ticketing": testenv.FreePort(t), "wallet": testenv.FreePort(t), "draw": testenv.FreePort(t)}
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	proc := testenv.StartProcess(t, "tickup dev", bin, []string{"dev", "--nats-port", fmt.Sprint(testenv.FreePort(t))},
		"DATABASE_URL="+dsn,
		"BACKEND_PORT="+fmt.Sprint(ports["api"]),
		"TICKUP_TICKETING_HEALTH_PORT="+fmt.Sprint(ports["ticketing"]),
		"TICKUP_WALLET_HEALTH_PORT="+fmt.Sprint(ports["wallet"]),
		"TICKUP_DRAW_HEALTH_PORT="+fmt.Sprint(ports["draw"]),
		"TICKUP_DATA_DIR="+t.TempDir(),
		"TICKUP_DB_ROLES=true",
	)
	for name, port := range ports {
		url := fmt.Sprintf("http://127.0.0.1:%d/readyz", port)
		testenv.WaitFor(t, 90*time.Second, name+" /readyz", func() error { return expectStatus(url, http.StatusOK) })
	}
	checkRolesAreIsolated(t, dsn)
	// Other commands find the running system through the recorded dev settings alone.
	status := testenv.StartProcess(t, "tickup status", bin, []string{"status"})
	if code, err := status.Wait(60 * time.Second); err != nil || code != 0 {
		t.Errorf("tickup status next to tickup dev: exit %d (%v)\n%s", code, err, status.Output())
	}

	proc.Signal(syscall.SIGTERM)
	code, err := proc.Wait(30 * time.Second)
	if err != nil || code != 0 {
		t.Fatalf("tickup dev after SIGTERM: exit %d, %v, want a clean exit 0\n%s", code, err, proc.Output())
	}
	if out := proc.Output(); !strings.Contains(out, "http://localhost:"+fmt.Sprint(ports["api"])) {
		t.Errorf("tickup dev did not print the API URL:\n%s", out)
	}
}

// checkRolesAreIsolated shows that with TICKUP_DB_ROLES the wallet's role, which the services
// connected as, owns its schema and cannot read the api's.
func checkRolesAreIsolated(t *testing.T, adminDSN string) {
	t.Helper()
	walletDSN, _ := db.WithUser(adminDSN, "tickup_wallet", "")
	wallet, err := db.OpenSQL(context.Background(), walletDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer wallet.Close()
	var n int
	if err := wallet.QueryRow(`SELECT count(*) FROM wallet.outbox`).Scan(&n); err != nil {
		t.Fatalf("wallet role cannot read its own outbox: %v", err)
	}
	err = wallet.QueryRow(`SELECT count(*) FROM api.outbox`).Scan(&n)
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Fatalf("wallet role reading api.outbox: %v, want permission denied", err)
	}
}

func expectStatus(url string, want int) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		return fmt.Errorf("%s answered %d", url, resp.StatusCode)
	}
	return nil
}

func dropDatabase(t *testing.T, admin, dsn string) {
	name, _ := db.DatabaseName(dsn)
	conn, err := db.OpenSQL(context.Background(), admin)
	if err != nil {
		t.Logf("drop %s: %v", name, err)
		return
	}
	defer conn.Close()
	if _, err := conn.Exec(`DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`); err != nil {
		t.Logf("drop %s: %v", name, err)
	}
}

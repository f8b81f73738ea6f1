package main

import (
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
)

// TestMakeRunStopsOnSIGTERMAndFreesItsPorts follows Quick start with no .env: `make run` on
// a fresh database, an admin token minted from another directory, an admin call; then
// SIGTERM to the make process (what a script or supervisor sends) frees every port.
func TestMakeRunStopsOnSIGTERMAndFreesItsPorts(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("GNU make is not installed:", err)
	}
	admin := testenv.AdminURL(t)
	dsn, _ := db.WithDatabase(admin, fmt.Sprintf("tickup_test_makerun_%d", time.Now().UnixNano()))
	t.Cleanup(func() { dropDatabase(t, admin, dsn) })
	ports := map[string]int{"api": testenv.FreePort(t), "ticketing": testenv.FreePort(t),
		"wallet": testenv.FreePort(t), "draw": testenv.FreePort(t), "nats": testenv.FreePort(t)}
	root, _ := filepath.Abs("../..")
	configHome := t.TempDir()
	proc := testenv.StartProcess(t, "make run", "make", []string{"-C", root, "run"},
		"DATABASE_URL="+dsn,
		"BACKEND_PORT="+fmt.Sprint(ports["api"]),
		"TICKUP_TICKETING_HEALTH_PORT="+fmt.Sprint(ports["ticketing"]),
		"TICKUP_WALLET_HEALTH_PORT="+fmt.Sprint(ports["wallet"]),
		"TICKUP_DRAW_HEALTH_PORT="+fmt.Sprint(ports["draw"]),
		"NATS_PORT="+fmt.Sprint(ports["nats"]),
		"TICKUP_DATA_DIR="+t.TempDir(),
		"XDG_CONFIG_HOME="+configHome,
	)
	for _, name := range []string{"api", "ticketing", "wallet", "draw"} {
		url := fmt.Sprintf("http://127.0.0.1:%d/readyz", ports[name])
		testenv.WaitFor(t, 3*time.Minute, name+" /readyz", func() error { return expectStatus(url, http.StatusOK) })
	}
	adminCallFromAnotherDirectory(t, filepath.Join(root, "bin", "tickup"), configHome, ports["api"])

	proc.Signal(syscall.SIGTERM)
	if _, err := proc.Wait(60 * time.Second); err != nil {
		t.Fatalf("make run after SIGTERM: %v", err)
	}
	for name, port := range ports {
		if !portFree(port) {
			t.Errorf("port %d (%s) is still taken after make run ended", port, name)
		}
	}
}

// adminCallFromAnotherDirectory mints an admin token with bin/tickup from an empty directory,
// as Quick start says, and creates a prize with it.
func adminCallFromAnotherDirectory(t *testing.T, bin, configHome string, apiPort int) {
	t.Helper()
	cmd := exec.Command(bin, "token", "--role", "admin", "--user", devAdminUser)
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"XDG_CONFIG_HOME=" + configHome, "PATH=/usr/bin:/bin"}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tickup token from another directory: %v", err)
	}
	body := `{"title":"Bike","value_cents":49900,"currency":"EUR","stock":1}`
	req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("http://127.0.0.1:%d/api/v1/prizes", apiPort), strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(out)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST /api/v1/prizes with the minted admin token: %s, want 201", resp.Status)
	}
}

package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/testenv"
)

// TestReadmeWalkthroughRunsAgainstTickupDev: README.md shows docs/walkthrough.sh verbatim,
// and the script, run with bash from another directory against a fresh `tickup dev`, goes
// from the first token to a verified draw.
func TestReadmeWalkthroughRunsAgainstTickupDev(t *testing.T) {
	script := filepath.Join(repoRoot(t), "docs", "walkthrough.sh")
	requireCommands(t, "bash", "curl")
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	api, configHome := startDev(t, bin)

	cmd := exec.CommandContext(t.Context(), "bash", script)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "API="+api, "TICKUP="+bin, "XDG_CONFIG_HOME="+configHome)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "\nVALID\n") || !strings.Contains(string(out), "Walkthrough passed") {
		t.Fatalf("docs/walkthrough.sh: %v, want it to pass with a VALID draw:\n%s", err, out)
	}
}

// TestReadmeShowsTheWalkthroughVerbatim: the README's ```sh walkthrough block is
// docs/walkthrough.sh, byte for byte, so what readers copy is what the test runs.
func TestReadmeShowsTheWalkthroughVerbatim(t *testing.T) {
	root := repoRoot(t)
	script, err := os.ReadFile(filepath.Join(root, "docs", "walkthrough.sh"))
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, found := strings.Cut(string(readme), "```sh walkthrough\n")
	block, _, closed := strings.Cut(block, "```\n")
	if !found || !closed {
		t.Fatal("README.md has no ```sh walkthrough block")
	}
	if block != string(script) {
		t.Fatalf("README.md's walkthrough differs from docs/walkthrough.sh: copy the script into the block\n"+
			"README:\n%s\nscript:\n%s", block, script)
	}
}

// startDev runs `tickup dev` on a fresh database, free ports, and its own data dir and
// XDG_CONFIG_HOME (where it records its settings); it returns the gateway's URL and that
// config home once every service is ready.
func startDev(t *testing.T, bin string) (string, string) {
	t.Helper()
	admin := testenv.AdminURL(t)
	dsn, _ := db.WithDatabase(admin, fmt.Sprintf("tickup_test_walkthrough_%d", time.Now().UnixNano()))
	t.Cleanup(func() { dropDatabase(t, admin, dsn) })
	ports := map[string]int{"api": testenv.FreePort(t), "ticketing": testenv.FreePort(t),
		"wallet": testenv.FreePort(t), "draw": testenv.FreePort(t)}
	configHome := t.TempDir()
	testenv.StartProcess(t, "tickup dev", bin, []string{"dev", "--nats-port", fmt.Sprint(testenv.FreePort(t))},
		"DATABASE_URL="+dsn,
		"BACKEND_PORT="+fmt.Sprint(ports["api"]),
		"TICKUP_TICKETING_HEALTH_PORT="+fmt.Sprint(ports["ticketing"]),
		"TICKUP_WALLET_HEALTH_PORT="+fmt.Sprint(ports["wallet"]),
		"TICKUP_DRAW_HEALTH_PORT="+fmt.Sprint(ports["draw"]),
		"TICKUP_DATA_DIR="+t.TempDir(),
		"XDG_CONFIG_HOME="+configHome,
	)
	for name, port := range ports {
		url := fmt.Sprintf("http://127.0.0.1:%d/readyz", port)
		testenv.WaitFor(t, 3*time.Minute, name+" /readyz", func() error { return expectStatus(url, http.StatusOK) })
	}
	return fmt.Sprintf("http://127.0.0.1:%d", ports["api"]), configHome
}

// repoRoot is the repository's root directory (this package is cmd/tickup).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// requireCommands skips the test when a command it runs is missing, except in CI
// (CI=true), where that is a failure.
func requireCommands(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, err := exec.LookPath(name); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is needed to run docs/walkthrough.sh: %v", name, err)
			}
			t.Skipf("skipped: %s is not installed (needed to run docs/walkthrough.sh)", name)
		}
	}
}

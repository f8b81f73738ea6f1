package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tickup.dev/cmd/tickup/chaos"
	"tickup.dev/pkg/testenv"
)

// TestChaosShortRunHoldsEveryInvariantButThePlantedOne is `make chaos`'s short form: a
// minute of load on a private PostgreSQL, a 3-node NATS cluster and two processes of each
// service under every kind of fault, then the invariants. A defect is planted after the
// system has quiesced (a wallet balance credited without a ledger entry): the report must
// name it through `tickup audit`, and every other invariant must hold.
func TestChaosShortRunHoldsEveryInvariantButThePlantedOne(t *testing.T) {
	if _, err := exec.LookPath("runuser"); err != nil && os.Geteuid() == 0 {
		t.Skip("runuser is missing: the private PostgreSQL cannot run as the postgres user")
	}
	if matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb"); len(matches) == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("initdb is missing: .ci/run installs PostgreSQL's server package")
		}
		t.Skip("initdb is missing (install PostgreSQL's server package to run the chaos test)")
	}
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	dir := t.TempDir()
	report := filepath.Join(dir, "report.json")
	cmd := exec.Command(bin, "chaos", "--duration", "60s", "--seed", "20261203", "--plant", "balance-drift",
		"--dir", filepath.Join(dir, "run"), "--report", report, "--quiesce", "4m")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the run exited 0 with a planted defect:\n%s", out)
	}
	var rep chaos.Report
	data, rerr := os.ReadFile(report)
	if rerr != nil || json.Unmarshal(data, &rep) != nil {
		t.Fatalf("no report (%v):\n%s", rerr, out)
	}
	if len(rep.Faults) < 14 {
		t.Errorf("%d faults injected, want every kind (14)", len(rep.Faults))
	}
	for _, f := range rep.Faults {
		if f.Error != "" {
			t.Errorf("fault %s %s could not be injected: %s", f.Kind, f.Target, f.Error)
		}
	}
	if len(rep.Violations) != 1 || !strings.HasPrefix(rep.Violations[0], "tickup audit") || !strings.Contains(rep.Violations[0], "balance") {
		t.Fatalf("violations %q: want exactly the planted balance drift, named by tickup audit\n%s", rep.Violations, out)
	}
	if rep.Counts["tickets"] == 0 || rep.Counts["pools_drawn"] == 0 {
		t.Errorf("counts %v: the load sold and drew nothing", rep.Counts)
	}
}

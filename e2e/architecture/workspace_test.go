package architecture

import (
	"context"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// knownViolations are the violations the code had when this check came, each to be fixed
// and then removed from here (a listed violation that no longer occurs fails the test).
// Empty: the workspace follows every rule.
var knownViolations = []string{}

// TestWorkspaceFollowsTheImportRules checks Tickup's own workspace: every package of every
// module (tests included) and every go.mod.
func TestWorkspaceFollowsTheImportRules(t *testing.T) {
	t.Parallel()
	ws, err := Load(context.Background(), workspaceFile(t))
	if err != nil {
		t.Fatal(err)
	}
	checkLoaded(t, ws)
	var found []string
	for _, v := range Check(ws.Packages, ws.Modules) {
		found = append(found, v.String())
		if !slices.Contains(knownViolations, v.String()) {
			t.Errorf("%s", v)
		}
	}
	for _, known := range knownViolations {
		if !slices.Contains(found, known) {
			t.Errorf("fixed, remove it from knownViolations: %s", known)
		}
	}
}

// checkLoaded guards against a check of nothing: every service module, pkg and some domain
// packages must have been loaded.
func checkLoaded(t *testing.T, ws Workspace) {
	t.Helper()
	for _, mod := range []string{"tickup.dev/pkg", "tickup.dev/services/api", "tickup.dev/services/draw",
		"tickup.dev/services/ticketing", "tickup.dev/services/wallet", "tickup.dev/e2e"} {
		if !slices.ContainsFunc(ws.Modules, func(m Module) bool { return m.Path == mod }) {
			t.Fatalf("module %s not loaded: %v", mod, ws.Modules)
		}
		if !slices.ContainsFunc(ws.Packages, func(p Package) bool { return within(p.ImportPath, mod) }) {
			t.Fatalf("no package of %s loaded", mod)
		}
	}
	if !slices.ContainsFunc(ws.Packages, func(p Package) bool { return isDomain(p.ImportPath) && len(p.Deps) > 0 }) {
		t.Fatal("no domain package with its dependencies loaded")
	}
}

// TestLoadFindsThePlantedViolations loads a small workspace (testdata/ws) whose service a
// imports and requires service b, and whose pkg's tests import b: the check names all three.
func TestLoadFindsThePlantedViolations(t *testing.T) {
	t.Parallel()
	goWork, err := filepath.Abs(filepath.Join("testdata", "ws", "go.work"))
	if err != nil {
		t.Fatal(err)
	}
	ws, err := Load(context.Background(), goWork)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range Check(ws.Packages, ws.Modules) {
		got = append(got, v.String())
	}
	want := []string{
		"a service imports another service: tickup.dev/services/a/internal/domain imports tickup.dev/services/b/bapi",
		"a service module requires another service module: tickup.dev/services/a requires tickup.dev/services/b",
		"pkg imports a service: tickup.dev/pkg/contract imports tickup.dev/services/b/bapi",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// workspaceFile is the go.work the test runs in.
func workspaceFile(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOWORK").Output()
	if err != nil {
		t.Fatalf("go env GOWORK: %v", err)
	}
	path := strings.TrimSpace(string(out))
	if path == "" || path == "off" {
		t.Fatal("not in a go.work workspace: the import rules are checked over the whole workspace")
	}
	return path
}

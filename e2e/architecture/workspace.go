package architecture

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
)

// Workspace is what Load found: every package and every module of a go.work workspace.
type Workspace struct {
	Packages []Package
	Modules  []Module
}

// Load describes the workspace of goWork (a go.work file) with `go list` and `go mod edit`.
func Load(ctx context.Context, goWork string) (Workspace, error) {
	var ws Workspace
	dirs, err := moduleDirs(ctx, goWork)
	if err != nil {
		return ws, err
	}
	for _, dir := range dirs {
		m, err := readModule(ctx, goWork, dir)
		if err != nil {
			return ws, err
		}
		ws.Modules = append(ws.Modules, m)
	}
	ws.Packages, err = listPackages(ctx, goWork, ws.Modules)
	return ws, err
}

// goCmd runs the go command in the directory of goWork, with that workspace, and returns
// its standard output.
func goCmd(ctx context.Context, goWork string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = filepath.Dir(goWork)
	cmd.Env = append(cmd.Environ(), "GOWORK="+goWork, "GOFLAGS=-mod=readonly")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out, nil
}

// moduleDirs lists the directories of the workspace's modules.
func moduleDirs(ctx context.Context, goWork string) ([]string, error) {
	out, err := goCmd(ctx, goWork, "list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(out)), nil
}

// readModule reads the path and the requirements of the module in dir.
func readModule(ctx context.Context, goWork, dir string) (Module, error) {
	out, err := goCmd(ctx, goWork, "mod", "edit", "-json", filepath.Join(dir, "go.mod"))
	if err != nil {
		return Module{}, err
	}
	var mod struct {
		Module  struct{ Path string }
		Require []struct{ Path string }
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		return Module{}, fmt.Errorf("%s/go.mod: %w", dir, err)
	}
	m := Module{Path: mod.Module.Path}
	for _, r := range mod.Require {
		m.Requires = append(m.Requires, r.Path)
	}
	return m, nil
}

// listPackages lists every package of modules with its imports and dependencies; a package
// go list cannot load is an error, so that a broken package cannot hide a violation.
func listPackages(ctx context.Context, goWork string, modules []Module) ([]Package, error) {
	args := []string{"list", "-e", "-json=ImportPath,Imports,TestImports,XTestImports,Deps,Error"}
	for _, m := range modules {
		args = append(args, m.Path+"/...")
	}
	out, err := goCmd(ctx, goWork, args...)
	if err != nil {
		return nil, err
	}
	var pkgs []Package
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			Package
			Error *struct{ Err string }
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			return pkgs, nil
		} else if err != nil {
			return nil, fmt.Errorf("go list output: %w", err)
		}
		if p.Error != nil {
			return nil, fmt.Errorf("go list %s: %s", p.ImportPath, p.Error.Err)
		}
		pkgs = append(pkgs, p.Package)
	}
}

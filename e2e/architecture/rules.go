// Package architecture states Tickup's import rules and checks the workspace against them:
// services never import each other (contracts live in pkg/contract), pkg never imports a
// service, no service module requires another, and a domain package does no I/O (no GORM,
// Gin or NATS). `make lint` runs its test; the rules are functions of plain data so that a
// test can plant each violation and see it named.
package architecture

import (
	"fmt"
	"slices"
	"strings"
)

// Root prefixes of the workspace's packages and modules.
const (
	servicesPrefix = "tickup.dev/services/"
	pkgModule      = "tickup.dev/pkg"
)

// ioImports are the import path prefixes a domain package must not depend on.
var ioImports = []string{"gorm.io/", "github.com/gin-gonic/", "github.com/nats-io/"}

// Package is one package of the workspace as `go list` describes it.
type Package struct {
	ImportPath   string
	Imports      []string // direct imports of its non-test files
	TestImports  []string // direct imports of its in-package tests
	XTestImports []string // direct imports of its external (_test package) tests
	Deps         []string // every package its non-test files depend on, transitively
}

// Module is one module of the workspace: its path and the modules its go.mod requires.
type Module struct {
	Path     string
	Requires []string
}

// Violation is one broken rule: From (a package or module) imports or requires To.
type Violation struct {
	Rule string
	From string
	To   string
}

func (v Violation) String() string {
	verb := "imports"
	if v.Rule == RuleModuleRequiresService {
		verb = "requires"
	}
	return fmt.Sprintf("%s: %s %s %s", v.Rule, v.From, verb, v.To)
}

// Names of the rules, as reported in Violation.Rule.
const (
	RuleServiceImportsService  = "a service imports another service"
	RulePkgImportsService      = "pkg imports a service"
	RuleModuleRequiresService  = "a service module requires another service module"
	RuleDomainDependsOnAdapter = "a domain package depends on GORM, Gin or NATS"
)

// Check returns every violation in pkgs and mods, sorted.
func Check(pkgs []Package, mods []Module) []Violation {
	var found []Violation
	for _, p := range pkgs {
		found = append(found, checkPackage(p)...)
	}
	for _, m := range mods {
		found = append(found, checkModule(m)...)
	}
	slices.SortFunc(found, func(a, b Violation) int { return strings.Compare(a.String(), b.String()) })
	return slices.Compact(found)
}

// checkPackage applies the package rules to p: its tests count as much as its code.
func checkPackage(p Package) []Violation {
	var found []Violation
	for _, imp := range slices.Concat(p.Imports, p.TestImports, p.XTestImports) {
		if from, to := service(p.ImportPath), service(imp); from != "" && to != "" && from != to {
			found = append(found, Violation{RuleServiceImportsService, p.ImportPath, imp})
		}
		if within(p.ImportPath, pkgModule) && service(imp) != "" {
			found = append(found, Violation{RulePkgImportsService, p.ImportPath, imp})
		}
	}
	if isDomain(p.ImportPath) {
		for _, dep := range slices.Concat(p.Imports, p.Deps) {
			if doesIO(dep) {
				found = append(found, Violation{RuleDomainDependsOnAdapter, p.ImportPath, dep})
			}
		}
	}
	return found
}

// checkModule applies the module rule to m.
func checkModule(m Module) []Violation {
	var found []Violation
	for _, req := range m.Requires {
		if from, to := service(m.Path), service(req); from != "" && to != "" && from != to {
			found = append(found, Violation{RuleModuleRequiresService, m.Path, req})
		}
	}
	return found
}

// service names the service a package or module path belongs to ("" for none).
func service(path string) string {
	rest, ok := strings.CutPrefix(path, servicesPrefix)
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "/")
	return name
}

// within reports whether path is module or one of its packages.
func within(path, module string) bool {
	return path == module || strings.HasPrefix(path, module+"/")
}

// isDomain reports whether one segment of path is "domain".
func isDomain(path string) bool {
	return slices.Contains(strings.Split(path, "/"), "domain")
}

// doesIO reports whether path is (part of) GORM, Gin or NATS.
func doesIO(path string) bool {
	return slices.ContainsFunc(ioImports, func(prefix string) bool { return strings.HasPrefix(path, prefix) })
}

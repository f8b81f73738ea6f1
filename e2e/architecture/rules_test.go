package architecture

import (
	"slices"
	"testing"
)

// TestRulesNameEachPlantedViolation plants one violation at a time among clean packages and
// expects exactly the finding that names the offending import or requirement.
func TestRulesNameEachPlantedViolation(t *testing.T) {
	t.Parallel()
	clean := []Package{
		{ImportPath: "tickup.dev/services/draw/internal/app", Imports: []string{"tickup.dev/services/draw/internal/domain",
			"tickup.dev/pkg/contract/ticketingrpc", "gorm.io/gorm"}},
		{ImportPath: "tickup.dev/services/draw/internal/domain", Imports: []string{"crypto/sha256"}, Deps: []string{"crypto/sha256"}},
		{ImportPath: "tickup.dev/pkg/contract/events", Imports: []string{"tickup.dev/pkg/bus"}},
		{ImportPath: "tickup.dev/e2e", XTestImports: []string{"tickup.dev/services/api/api", "tickup.dev/services/draw/draw"}},
		{ImportPath: "tickup.dev/cmd/tickup", Imports: []string{"tickup.dev/services/wallet/wallet"}},
	}
	cleanMods := []Module{{Path: "tickup.dev/services/draw", Requires: []string{"tickup.dev/pkg", "gorm.io/gorm"}},
		{Path: "tickup.dev/e2e", Requires: []string{"tickup.dev/services/api", "tickup.dev/services/draw"}}}
	if found := Check(clean, cleanMods); len(found) != 0 {
		t.Fatalf("clean packages: %v", found)
	}
	tests := []struct {
		name  string
		pkg   Package
		mod   Module
		wants string
	}{
		{"a service imports another's run package", Package{ImportPath: "tickup.dev/services/api/internal/draws",
			Imports: []string{"tickup.dev/services/draw/draw"}}, Module{},
			"a service imports another service: tickup.dev/services/api/internal/draws imports tickup.dev/services/draw/draw"},
		{"a test imports another service", Package{ImportPath: "tickup.dev/services/draw/draw",
			TestImports: []string{"tickup.dev/services/ticketing/ticketing"}}, Module{},
			"a service imports another service: tickup.dev/services/draw/draw imports tickup.dev/services/ticketing/ticketing"},
		{"an external test imports another service", Package{ImportPath: "tickup.dev/services/api/purchaseaudit",
			XTestImports: []string{"tickup.dev/services/wallet/wallet"}}, Module{},
			"a service imports another service: tickup.dev/services/api/purchaseaudit imports tickup.dev/services/wallet/wallet"},
		{"pkg imports a service", Package{ImportPath: "tickup.dev/pkg/contract/drawrpc",
			Imports: []string{"tickup.dev/services/draw/internal/domain"}}, Module{},
			"pkg imports a service: tickup.dev/pkg/contract/drawrpc imports tickup.dev/services/draw/internal/domain"},
		{"pkg's tests import a service", Package{ImportPath: "tickup.dev/pkg/testenv",
			XTestImports: []string{"tickup.dev/services/api/api"}}, Module{},
			"pkg imports a service: tickup.dev/pkg/testenv imports tickup.dev/services/api/api"},
		{"a domain imports GORM", Package{ImportPath: "tickup.dev/services/wallet/internal/domain",
			Imports: []string{"gorm.io/gorm"}, Deps: []string{"gorm.io/gorm"}}, Module{},
			"a domain package depends on GORM, Gin or NATS: tickup.dev/services/wallet/internal/domain imports gorm.io/gorm"},
		{"a domain reaches NATS through a dependency", Package{ImportPath: "tickup.dev/services/ticketing/internal/domain/pricing",
			Imports: []string{"tickup.dev/pkg/bus"}, Deps: []string{"tickup.dev/pkg/bus", "github.com/nats-io/nats.go"}}, Module{},
			"a domain package depends on GORM, Gin or NATS: tickup.dev/services/ticketing/internal/domain/pricing imports github.com/nats-io/nats.go"},
		{"a domain imports Gin", Package{ImportPath: "tickup.dev/services/api/internal/catalog/domain",
			Imports: []string{"github.com/gin-gonic/gin"}}, Module{},
			"a domain package depends on GORM, Gin or NATS: tickup.dev/services/api/internal/catalog/domain imports github.com/gin-gonic/gin"},
		{"a service module requires another", Package{}, Module{Path: "tickup.dev/services/api",
			Requires: []string{"tickup.dev/pkg", "tickup.dev/services/wallet"}},
			"a service module requires another service module: tickup.dev/services/api requires tickup.dev/services/wallet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pkgs, mods := slices.Clone(clean), slices.Clone(cleanMods)
			if tc.pkg.ImportPath != "" {
				pkgs = append(pkgs, tc.pkg)
			}
			if tc.mod.Path != "" {
				mods = append(mods, tc.mod)
			}
			found := Check(pkgs, mods)
			if len(found) != 1 || found[0].String() != tc.wants {
				t.Fatalf("found %q, want exactly %q", found, tc.wants)
			}
		})
	}
}

// TestServiceOfAPath checks which paths belong to a service.
func TestServiceOfAPath(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]string{
		"tickup.dev/services/api":                 "api",
		"tickup.dev/services/api/internal/auth":   "api",
		"tickup.dev/services/draw/drawproof":      "draw",
		"tickup.dev/servicesx/api":                "",
		"tickup.dev/pkg/contract/ticketingrpc":    "",
		"tickup.dev/e2e":                          "",
		"example.com/tickup.dev/services/api/api": "",
	} {
		if got := service(path); got != want {
			t.Errorf("service(%q) = %q, want %q", path, got, want)
		}
	}
}

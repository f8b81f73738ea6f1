package main

import (
	"strings"
	"testing"
	"time"

	"tickup.dev/pkg/testenv"
)

func TestCommandsExplainWhatIsWrong(t *testing.T) {
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	tests := []struct {
		name     string
		args     []string
		env      []string
		wantCode int
		wantOut  []string
	}{
		{"invalid configuration, one line per problem", []string{"serve", "api"},
			[]string{"DATABASE_URL=mysql://nope", "BACKEND_PORT=70000"}, 2,
			[]string{"DATABASE_URL: not a postgres URL", "BACKEND_PORT: must be 1..65535, got 70000"}},
		{"unreachable PostgreSQL says how to fix it", []string{"migrate"},
			[]string{"DATABASE_URL=postgresql://postgres@127.0.0.1:1/tickup?connect_timeout=2"}, 1,
			[]string{"PostgreSQL is unreachable", "set DATABASE_URL", "install and start PostgreSQL"}},
		{"unknown service", []string{"serve", "billing"},
			[]string{"DATABASE_URL=postgresql://postgres@127.0.0.1:5432/tickup"}, 1,
			[]string{`unknown service "billing"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := testenv.StartProcess(t, "tickup", bin, tc.args, tc.env...)
			code, err := p.Wait(30 * time.Second)
			if err != nil || code != tc.wantCode {
				t.Fatalf("exit %d (%v), want %d\n%s", code, err, tc.wantCode, p.Output())
			}
			for _, want := range tc.wantOut {
				if !strings.Contains(p.Output(), want) {
					t.Errorf("output lacks %q:\n%s", want, p.Output())
				}
			}
		})
	}
}

func TestMigrateTwiceIsANoOp(t *testing.T) {
	dsn := testenv.FreshDatabase(t)
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	for range 2 {
		p := testenv.StartProcess(t, "tickup migrate", bin, []string{"migrate"}, "DATABASE_URL="+dsn)
		if code, err := p.Wait(60 * time.Second); err != nil || code != 0 {
			t.Fatalf("migrate: exit %d (%v)\n%s", code, err, p.Output())
		}
		for _, svc := range []string{"api", "draw", "ticketing", "wallet"} {
			if !strings.Contains(p.Output(), "migrated "+svc) {
				t.Errorf("migrate did not report %s:\n%s", svc, p.Output())
			}
		}
	}
}

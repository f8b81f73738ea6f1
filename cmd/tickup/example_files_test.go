package main

import (
	"os"
	"path/filepath"
	"testing"

	"tickup.dev/pkg/config"
)

// TestExampleFilesKeepTheDocumentedLogs: starting from .env.example or tickup.example.yaml,
// as the README says to, gives the JSON logs the README shows (the defaults).
func TestExampleFilesKeepTheDocumentedLogs(t *testing.T) {
	root := repoRoot(t)
	environ := []string{"DATABASE_URL=postgresql://postgres@127.0.0.1:5432/tickup_unused"}
	defaults, err := config.Load(config.Options{Environ: environ, EnvFile: os.DevNull, ConfigFile: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	for _, opts := range []config.Options{
		{Environ: environ, EnvFile: filepath.Join(root, ".env.example"), ConfigFile: os.DevNull},
		{Environ: environ, EnvFile: os.DevNull, ConfigFile: filepath.Join(root, "tickup.example.yaml")},
	} {
		cfg, err := config.Load(opts)
		if err != nil {
			t.Fatalf("%+v: %v", opts, err)
		}
		if cfg.Log != defaults.Log || cfg.Log.Format != "json" {
			t.Errorf("%+v: logs %+v, want the defaults %+v (JSON, as the README shows)", opts, cfg.Log, defaults.Log)
		}
	}
}

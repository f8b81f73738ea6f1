package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/joho/godotenv"

	"tickup.dev/pkg/config"
)

// TestTokenFindsDevSettingsFromAnyDirectory: what `tickup dev` records lets `tickup token`,
// run from an unrelated directory with no .env, sign with the dev secret; --config names
// another settings file.
func TestTokenFindsDevSettingsFromAnyDirectory(t *testing.T) {
	dataDir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("TICKUP_DATA_DIR", dataDir)
	t.Setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/tickup_unused")
	cfg, err := config.Load(config.Options{EnvFile: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	settings := config.DevSettingsPath(os.Environ())
	var banner bytes.Buffer
	if err := prepareSecrets(&banner, &cfg, settings); err != nil {
		t.Fatal(err)
	}
	kept, err := godotenv.Read(filepath.Join(dataDir, config.DevSecretsFile))
	if err != nil {
		t.Fatal(err)
	}
	secret := kept["TICKUP_SUPABASE_JWT"]
	for _, name := range []string{"TICKUP_DATA_DIR", "DATABASE_URL"} {
		_ = os.Unsetenv(name) // t.Setenv above restores them
	}
	t.Chdir(t.TempDir())

	out, stderr, err := runToken(t, "--role", "admin", "--user", devAdminUser)
	if err != nil {
		t.Fatalf("token from another directory: %v\n%s", err, stderr)
	}
	verifyHS256(t, strings.TrimSpace(out), secret)
	other, err := loadConfig(newRoot()) // what audit, migrate and serve load
	if err != nil || other.DatabaseURL != cfg.DatabaseURL || other.DataDir != dataDir {
		t.Fatalf("audit's configuration from another directory: %q %q (%v), want %q %q",
			other.DatabaseURL, other.DataDir, err, cfg.DatabaseURL, dataDir)
	}

	moved := filepath.Join(t.TempDir(), "elsewhere.env")
	if err := os.Rename(settings, moved); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runToken(t, "--user", devAdminUser); err == nil || !strings.Contains(err.Error(), "SUPABASE_JWT") {
		t.Fatalf("token with no settings anywhere: %v, want the SUPABASE_JWT refusal", err)
	}
	out, _, err = runToken(t, "--user", devAdminUser, "--config", moved)
	if err != nil {
		t.Fatalf("token --config: %v", err)
	}
	verifyHS256(t, strings.TrimSpace(out), secret)
}

// TestProdRefusesToStartWithoutSecrets: env prod generates nothing; `tickup dev` and
// `tickup serve api` stop at once with a line naming what is missing.
func TestProdRefusesToStartWithoutSecrets(t *testing.T) {
	dataDir := t.TempDir()
	t.Setenv("TICKUP_DATA_DIR", dataDir)
	t.Setenv("TICKUP_ENV", "prod")
	t.Setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/never")
	cases := []struct {
		name, jwt string
		args      []string
		want      string
	}{
		{"dev without any secret", "", []string{"dev"}, "SUPABASE_JWT"},
		{"dev without webhook secrets", strings.Repeat("s", 40), []string{"dev"}, "TICKUP_WEBHOOK_STRIPE_SECRETS"},
		{"serve api without webhook secrets", strings.Repeat("s", 40), []string{"serve", "api"}, "TICKUP_WEBHOOK_GENERIC_SECRETS"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("SUPABASE_JWT", tc.jwt)
			root := newRoot()
			root.SetOut(&bytes.Buffer{})
			root.SetArgs(tc.args)
			err := root.Execute()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("%v: %v, want a refusal naming %s", tc.args, err, tc.want)
			}
			if entries, _ := os.ReadDir(dataDir); len(entries) != 0 {
				t.Fatalf("prod wrote into the data dir: %v", entries)
			}
		})
	}
}

package config

import (
	"os"
	"path/filepath"
	"testing"
)

func devConfig(t *testing.T, dataDir string, environ ...string) Config {
	t.Helper()
	base := []string{"TICKUP_DATABASE_URL=postgresql://u@h/db", "TICKUP_DATA_DIR=" + dataDir}
	cfg, err := Load(Options{Environ: append(base, environ...), ConfigFile: "", EnvFile: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestDevGeneratesAndKeepsSecrets: env dev fills the missing secrets once, keeps them under
// the data dir for the next start, never replaces an explicit value, and prod gets nothing.
func TestDevGeneratesAndKeepsSecrets(t *testing.T) {
	dir := t.TempDir()
	first := devConfig(t, dir)
	filled, err := EnsureDevSecrets(&first)
	if err != nil || len(filled) != 3 {
		t.Fatalf("first start filled %v, %v; want the 3 secrets", filled, err)
	}
	if err := first.Validate(); err != nil {
		t.Fatalf("generated secrets do not validate: %v", err)
	}
	if info, err := os.Stat(filepath.Join(dir, DevSecretsFile)); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("kept secrets file: %v, %v; want mode 0600", info, err)
	}
	second := devConfig(t, dir)
	if _, err := EnsureDevSecrets(&second); err != nil {
		t.Fatal(err)
	}
	if second.Supabase.JWTSecret != first.Supabase.JWTSecret ||
		second.Webhooks.StripeSecrets[0] != first.Webhooks.StripeSecrets[0] ||
		second.Webhooks.GenericSecrets[0] != first.Webhooks.GenericSecrets[0] {
		t.Fatalf("the second start did not keep the secrets of the first")
	}
	explicit := devConfig(t, dir, "SUPABASE_JWT=set-by-hand")
	if _, err := EnsureDevSecrets(&explicit); err != nil || explicit.Supabase.JWTSecret != "set-by-hand" {
		t.Fatalf("explicit SUPABASE_JWT became %q (%v)", explicit.Supabase.JWTSecret, err)
	}
	prodDir := t.TempDir()
	prod := devConfig(t, prodDir, "TICKUP_ENV=test")
	if filled, err := EnsureDevSecrets(&prod); err != nil || len(filled) != 0 || prod.Supabase.JWTSecret != "" {
		t.Fatalf("env test got generated secrets %v (%v)", filled, err)
	}
	if _, err := os.Stat(filepath.Join(prodDir, DevSecretsFile)); !os.IsNotExist(err) {
		t.Fatalf("env test wrote %s: %v", DevSecretsFile, err)
	}
}

// TestDevSettingsFileIsBelowEverySourceAndOnlyForDev: the recorded dev settings fill what no
// other source sets, lose to the environment, and are ignored outside env dev.
func TestDevSettingsFileIsBelowEverySourceAndOnlyForDev(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tickup", DevSettingsName)
	if DevSettingsPath([]string{"XDG_CONFIG_HOME=" + filepath.Dir(filepath.Dir(path))}) != path {
		t.Fatalf("DevSettingsPath does not honour XDG_CONFIG_HOME")
	}
	rec := devConfig(t, t.TempDir(), "SUPABASE_JWT=recorded")
	if err := WriteDevSettings(path, rec); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		environ []string
		want    string
	}{
		{"fills", nil, "recorded"},
		{"environment wins", []string{"SUPABASE_JWT=from-env"}, "from-env"},
		{"not in env test", []string{"TICKUP_ENV=test", "DATABASE_URL=postgresql://u@h/db"}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := Load(Options{Environ: tc.environ, DevFile: path, EnvFile: os.DevNull})
			if tc.want == "" {
				if err != nil || cfg.Supabase.JWTSecret != "" {
					t.Fatalf("env test: JWT secret %q (%v), want none", cfg.Supabase.JWTSecret, err)
				}
				return
			}
			if err != nil || cfg.Supabase.JWTSecret != tc.want {
				t.Fatalf("JWT secret %q (%v), want %q", cfg.Supabase.JWTSecret, err, tc.want)
			}
		})
	}
}

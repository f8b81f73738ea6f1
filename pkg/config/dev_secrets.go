package config

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"github.com/joho/godotenv"
)

// DevSecretsFile is the file under the data directory where env dev keeps the secrets it
// generated, so that they survive restarts and every token minted stays valid.
const DevSecretsFile = "dev-secrets.env"

// devSecret is one secret env dev generates when no source sets it.
type devSecret struct {
	env      string
	generate func() string
	slot     func(c *Config) (get func() bool, set func(string))
}

func devSecrets() []devSecret {
	return []devSecret{
		{"TICKUP_SUPABASE_JWT", func() string { return hex.EncodeToString(randomBytes(32)) },
			func(c *Config) (func() bool, func(string)) {
				return func() bool { return c.Supabase.JWTSecret != "" }, func(s string) { c.Supabase.JWTSecret = s }
			}},
		{"TICKUP_WEBHOOK_STRIPE_SECRETS", func() string { return "whsec_" + hex.EncodeToString(randomBytes(24)) },
			func(c *Config) (func() bool, func(string)) {
				return func() bool { return len(c.Webhooks.StripeSecrets) > 0 },
					func(s string) { c.Webhooks.StripeSecrets = []string{s} }
			}},
		{"TICKUP_WEBHOOK_GENERIC_SECRETS", func() string { return genericSecretPrefix + base64.StdEncoding.EncodeToString(randomBytes(32)) },
			func(c *Config) (func() bool, func(string)) {
				return func() bool { return len(c.Webhooks.GenericSecrets) > 0 },
					func(s string) { c.Webhooks.GenericSecrets = []string{s} }
			}},
	}
}

// EnsureDevSecrets gives env dev a JWT secret and webhook secrets when no source sets them:
// the ones kept in DataDir/dev-secrets.env, else new random ones, which it keeps there.
// Explicitly set values are never replaced. It returns the variables it filled in.
// Any other env is left untouched: prod never runs on generated secrets.
func EnsureDevSecrets(c *Config) ([]string, error) {
	if c.Env != "dev" {
		return nil, nil
	}
	path := filepath.Join(c.DataDir, DevSecretsFile)
	kept, err := readEnvFile(path, false)
	if err != nil {
		return nil, err
	}
	if kept == nil {
		kept = map[string]string{}
	}
	var filled []string
	generated := false
	for _, s := range devSecrets() {
		isSet, set := s.slot(c)
		if isSet() {
			continue
		}
		if kept[s.env] == "" {
			kept[s.env], generated = s.generate(), true
		}
		set(kept[s.env])
		filled = append(filled, s.env)
	}
	if generated {
		if err := writeEnvFile(path, kept); err != nil {
			return nil, err
		}
	}
	return filled, nil
}

// writeEnvFile writes vars as a dotenv file readable by its owner only (it holds secrets).
func writeEnvFile(path string, vars map[string]string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(path), err)
	}
	text, err := godotenv.Marshal(vars)
	if err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := os.WriteFile(path, []byte(text+"\n"), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (it panics if the system cannot supply)
	return b
}

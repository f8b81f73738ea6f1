package config

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// DevSettingsName is the file, under $XDG_CONFIG_HOME/tickup (default ~/.config/tickup),
// where `tickup dev` records the settings it runs with, so that `tickup token`, `tickup audit`
// and every other command find them from any working directory.
const DevSettingsName = "dev.env"

// DevSettingsPath returns $XDG_CONFIG_HOME/tickup/dev.env, else $HOME/.config/tickup/dev.env,
// read from environ ("KEY=value" entries); "" when neither variable is set.
func DevSettingsPath(environ []string) string {
	env := Options{Environ: environ}.environ()
	if dir := env["XDG_CONFIG_HOME"]; dir != "" {
		return filepath.Join(dir, "tickup", DevSettingsName)
	}
	if home := env["HOME"]; home != "" {
		return filepath.Join(home, ".config", "tickup", DevSettingsName)
	}
	return ""
}

// WriteDevSettings records what a running `tickup dev` uses (data dir, database, NATS, API and
// health ports, secrets) at path, readable by its owner only.
func WriteDevSettings(path string, c Config) error {
	dataDir, err := filepath.Abs(c.DataDir)
	if err != nil {
		return fmt.Errorf("data dir %s: %w", c.DataDir, err)
	}
	settings := map[string]string{
		"TICKUP_DATA_DIR":                dataDir,
		"TICKUP_DATABASE_URL":            c.DatabaseURL,
		"TICKUP_NATS_URL":                c.NATSURL,
		"TICKUP_HTTP_PORT":               strconv.Itoa(c.HTTPPort),
		"TICKUP_SUPABASE_JWT":            c.Supabase.JWTSecret,
		"TICKUP_WEBHOOK_STRIPE_SECRETS":  strings.Join(c.Webhooks.StripeSecrets, ","),
		"TICKUP_WEBHOOK_GENERIC_SECRETS": strings.Join(c.Webhooks.GenericSecrets, ","),
	}
	for service, port := range c.HealthPorts { // for tickup status
		if service != APIService {
			settings["TICKUP_"+strings.ToUpper(service)+"_HEALTH_PORT"] = strconv.Itoa(port)
		}
	}
	return writeEnvFile(path, settings)
}

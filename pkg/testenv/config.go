package testenv

import (
	"fmt"
	"os"
	"testing"

	"tickup.dev/pkg/config"
)

// Config returns a valid configuration for running services in a test: the given database
// and NATS URLs, free ports for the API and every health endpoint, text logs at warn level
// (TICKUP_TEST_LOG_LEVEL overrides), and extra settings in environment form ("KEY=value").
func Config(t testing.TB, databaseURL, natsURL string, extra ...string) config.Config {
	t.Helper()
	env := []string{
		"DATABASE_URL=" + databaseURL,
		"NATS_URL=" + natsURL,
		fmt.Sprintf("BACKEND_PORT=%d", FreePort(t)),
		fmt.Sprintf("TICKUP_TICKETING_HEALTH_PORT=%d", FreePort(t)),
		fmt.Sprintf("TICKUP_WALLET_HEALTH_PORT=%d", FreePort(t)),
		fmt.Sprintf("TICKUP_DRAW_HEALTH_PORT=%d", FreePort(t)),
		"TICKUP_LOG_FORMAT=text",
		"TICKUP_LOG_LEVEL=" + envOr("TICKUP_TEST_LOG_LEVEL", "warn"),
		"TICKUP_SHUTDOWN_GRACE=10s",
		"TICKUP_DATA_DIR=" + t.TempDir(),
		"TICKUP_ENV=test",
	}
	cfg, err := config.Load(config.Options{Environ: append(env, extra...)})
	if err != nil {
		t.Fatalf("testenv: config: %v", err)
	}
	return cfg
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

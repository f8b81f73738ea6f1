package api

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/testenv"
)

// TestGatewaySettingsFromFiles runs the gateway through Run with a write limit set only in
// tickup.yaml or only in .env: one write per minute and client IP, so the second write is a
// 429 (the first is refused for its missing token, after the limiter took its turn).
func TestGatewaySettingsFromFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, content string
		opts                func(path string) config.Options
	}{
		{"tickup.yaml", config.DefaultConfigFile, "rate_limit:\n  ip_writes_per_minute: 1\n",
			func(path string) config.Options { return config.Options{ConfigFile: path} }},
		{".env", config.DefaultEnvFile, "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE=1\n",
			func(path string) config.Options { return config.Options{EnvFile: path} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			base := runFromFile(t, tc.opts(path))
			var statuses []int
			for range 2 {
				resp, err := http.Post(base+BasePath+"/prizes", "application/json", nil)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				statuses = append(statuses, resp.StatusCode)
			}
			if statuses[0] != http.StatusUnauthorized || statuses[1] != http.StatusTooManyRequests {
				t.Errorf("statuses %v, want [401 429]: the write limit in %s was not applied", statuses, tc.name)
			}
		})
	}
}

// runFromFile loads the configuration with opts (plus what the test needs in the
// environment), runs the gateway with Run until the test ends and returns its base URL.
func runFromFile(t *testing.T, opts config.Options) string {
	t.Helper()
	port := testenv.FreePort(t)
	opts.Environ = []string{"DATABASE_URL=" + testenv.ServiceDSN(t, testenv.FreshDatabase(t), Name),
		"NATS_URL=" + testenv.NATSURL(t), fmt.Sprintf("BACKEND_PORT=%d", port), "TICKUP_ENV=test",
		"TICKUP_DATA_DIR=" + t.TempDir(), "TICKUP_LOG_LEVEL=warn", "SUPABASE_JWT=" + testSecret}
	cfg, err := config.Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	g := &gateway{base: fmt.Sprintf("http://127.0.0.1:%d", port)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg) }()
	stop := stopper(cancel, done)
	t.Cleanup(func() {
		if err := stop(); err != nil {
			t.Errorf("gateway stop: %v", err)
		}
	})
	g.waitReady(t, done)
	return g.base
}

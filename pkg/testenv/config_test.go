package testenv_test

import (
	"testing"

	"tickup.dev/pkg/testenv"
)

func TestConfigIsValidWithDistinctPorts(t *testing.T) {
	cfg := testenv.Config(t, "postgresql://postgres@127.0.0.1:5432/x", "nats://127.0.0.1:4222", "TICKUP_CORS_ORIGINS=http://a.test")
	ports := map[int]bool{cfg.HTTPPort: true}
	for _, svc := range []string{"ticketing", "wallet", "draw"} {
		ports[cfg.HealthPorts[svc]] = true
	}
	if len(ports) != 4 {
		t.Fatalf("ports %v are not four distinct ones", ports)
	}
	if len(cfg.CORSOrigins) != 1 || cfg.CORSOrigins[0] != "http://a.test" {
		t.Fatalf("extra setting lost: %v", cfg.CORSOrigins)
	}
}

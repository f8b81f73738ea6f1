package api

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestOptionsFromEnv(t *testing.T) {
	t.Parallel()
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	opts, err := OptionsFromEnv(env(nil))
	if err != nil || opts.WritesPerMinutePerUser != DefaultWritesPerMinutePerUser ||
		opts.WritesPerMinutePerIP != DefaultWritesPerMinutePerIP || opts.TrustedProxies != nil {
		t.Fatalf("defaults %+v, %v", opts, err)
	}
	opts, err = OptionsFromEnv(env(map[string]string{
		"TICKUP_RATE_LIMIT_WRITES_PER_MINUTE": "0", "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE": " 50 ",
		"TICKUP_TRUSTED_PROXIES": "10.0.0.0/8, 192.168.1.1", "TICKUP_SSE_HEARTBEAT": "2s",
	}))
	if err != nil || opts.WritesPerMinutePerUser != 0 || opts.WritesPerMinutePerIP != 50 || opts.Heartbeat != 2*time.Second ||
		!slices.Equal(opts.TrustedProxies, []string{"10.0.0.0/8", "192.168.1.1"}) {
		t.Fatalf("overrides %+v, %v", opts, err)
	}
	_, err = OptionsFromEnv(env(map[string]string{
		"TICKUP_RATE_LIMIT_WRITES_PER_MINUTE": "-1", "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE": "many", "TICKUP_SSE_HEARTBEAT": "soon",
	}))
	for _, name := range []string{"TICKUP_RATE_LIMIT_WRITES_PER_MINUTE", "TICKUP_RATE_LIMIT_IP_WRITES_PER_MINUTE", "TICKUP_SSE_HEARTBEAT"} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("error %v does not name %s", err, name)
		}
	}
}

func TestMintTokenRoles(t *testing.T) {
	t.Parallel()
	const user = "0190a7e2-0000-7000-8000-000000000001"
	for _, role := range []string{TokenRoleUser, TokenRoleAdmin, TokenRoleService} {
		if _, err := MintToken(testSecret, user, "", role, time.Minute); err != nil {
			t.Errorf("%s: %v", role, err)
		}
	}
	if _, err := MintToken(testSecret, user, "", "root", time.Minute); err == nil {
		t.Error("an unknown role was minted")
	}
}

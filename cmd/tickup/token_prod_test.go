package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

const tokenTestUser = "0190a7e2-0000-7000-8000-000000000001"

// mintEnv sets the environment of a `tickup token` run: no database, the test secret, and
// the given extra variables.
func mintEnv(t *testing.T, extra ...string) {
	t.Helper()
	t.Setenv("DATABASE_URL", "")
	t.Setenv("TICKUP_DATABASE_URL", "")
	t.Setenv("SUPABASE_JWT", tokenTestSecret)
	for _, kv := range extra {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
}

// mintLog decodes the one JSON log line of a mint.
func mintLog(t *testing.T, stderr string) map[string]any {
	t.Helper()
	var line map[string]any
	if strings.Count(strings.TrimSpace(stderr), "\n") != 0 || json.Unmarshal([]byte(stderr), &line) != nil {
		t.Fatalf("stderr %q is not one JSON log line", stderr)
	}
	return line
}

// TestProdRefusesToMintAnAdminTokenWithoutTheFlag: with TICKUP_ENV=prod nothing is minted
// without --allow-prod; with it, the token carries iss and jti and the mint is logged.
func TestProdRefusesToMintAnAdminTokenWithoutTheFlag(t *testing.T) {
	mintEnv(t, "TICKUP_ENV=prod", "TICKUP_JWT_ISSUER=https://project.supabase.co/auth/v1")
	for _, args := range [][]string{{"--admin"}, {"--service"}, nil} {
		out, _, err := runToken(t, append([]string{"--user", tokenTestUser}, args...)...)
		if err == nil || !strings.Contains(err.Error(), "--allow-prod") || out != "" {
			t.Errorf("%v in prod: err %v, stdout %q; want a refusal naming --allow-prod", args, err, out)
		}
	}
	out, stderr, err := runToken(t, "--user", tokenTestUser, "--admin", "--ttl", "15m", "--allow-prod")
	if err != nil {
		t.Fatalf("with --allow-prod: %v", err)
	}
	c := verifyHS256(t, strings.TrimSpace(out), tokenTestSecret)
	line := mintLog(t, stderr)
	if c["iss"] != "https://project.supabase.co/auth/v1" || c["jti"] == nil || c["jti"] != line["jti"] {
		t.Errorf("claims %v, log %v: want the configured iss and the logged jti", c, line)
	}
	for k, want := range map[string]any{"msg": "access token minted", "level": "WARN", "sub": tokenTestUser,
		"role": "admin", "env": "prod", "allow_prod": true, "ttl": "15m0s"} {
		if line[k] != want {
			t.Errorf("log %s = %v, want %v", k, line[k], want)
		}
	}
	if by, _ := line["minted_by"].(string); !strings.Contains(by, "@") {
		t.Errorf("minted_by %q does not name the operator", by)
	}
	if exp, err := time.Parse(time.RFC3339, line["expires_at"].(string)); err != nil || exp.Unix() != int64(c["exp"].(float64)) {
		t.Errorf("logged expiry %v (%v) is not the token's %v", line["expires_at"], err, c["exp"])
	}
}

// TestMintedTokenLifetimeIsCapped: no token outlives TICKUP_TOKEN_MAX_TTL (1h by default).
func TestMintedTokenLifetimeIsCapped(t *testing.T) {
	mintEnv(t)
	out, _, err := runToken(t, "--user", tokenTestUser, "--service", "--ttl", "8760h")
	if err == nil || !strings.Contains(err.Error(), "TICKUP_TOKEN_MAX_TTL") || out != "" {
		t.Errorf("a year-long token: err %v, stdout %q; want a refusal naming TICKUP_TOKEN_MAX_TTL", err, out)
	}
	t.Setenv("TICKUP_TOKEN_MAX_TTL", "12h")
	out, stderr, err := runToken(t, "--user", tokenTestUser, "--ttl", "12h")
	if err != nil {
		t.Fatalf("a token within the configured cap: %v", err)
	}
	if c := verifyHS256(t, strings.TrimSpace(out), tokenTestSecret); c["iss"] != defaultTokenIssuer {
		t.Errorf("iss %v, want %q when no issuer is configured", c["iss"], defaultTokenIssuer)
	}
	if line := mintLog(t, stderr); line["level"] != "INFO" || line["role"] != "user" {
		t.Errorf("log %v", line)
	}
}

// TestMintedAdminCarriesTheConfiguredAdminClaim: with TICKUP_AUTH_ADMIN_CLAIM=user_role an
// admin token says so in user_role, where the gateway then looks.
func TestMintedAdminCarriesTheConfiguredAdminClaim(t *testing.T) {
	mintEnv(t, "TICKUP_AUTH_ADMIN_CLAIM=user_role")
	out, _, err := runToken(t, "--user", tokenTestUser, "--admin")
	if err != nil {
		t.Fatal(err)
	}
	if c := verifyHS256(t, strings.TrimSpace(out), tokenTestSecret); c["user_role"] != "admin" || c["app_metadata"] != nil {
		t.Errorf("claims %v: want user_role admin and no app_metadata", c)
	}
}

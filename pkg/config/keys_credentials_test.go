package config

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestCredentialsLoadPerServiceAndAreRedacted(t *testing.T) {
	t.Parallel()
	cfg, err := Load(Options{EnvFile: writeFile(t, t.TempDir(), "empty.env", ""), Environ: []string{
		"DATABASE_URL=postgresql://tickup@db:5432/tickup", "TICKUP_DB_ROLES=true", "TICKUP_DB_PASSWORD_WALLET=w-secret", "TICKUP_DB_PASSWORD_API=a-secret",
		"TICKUP_NATS_USER_WALLET=wallet", "TICKUP_NATS_PASSWORD_WALLET=n-secret",
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"wallet": "w-secret", "api": "a-secret"}; !reflect.DeepEqual(cfg.DBPasswords, want) {
		t.Errorf("DBPasswords = %v, want %v", cfg.DBPasswords, want)
	}
	if want := map[string]NATSUser{"wallet": {User: "wallet", Password: "n-secret"}}; !reflect.DeepEqual(cfg.NATSUsers, want) {
		t.Errorf("NATSUsers = %v, want %v", cfg.NATSUsers, want)
	}
	out := cfg.String()
	for _, secret := range []string{"w-secret", "a-secret", "n-secret"} {
		if strings.Contains(out, secret) {
			t.Errorf("String() shows %s: %s", secret, out)
		}
	}
	if cfg.DBPasswords["wallet"] != "w-secret" {
		t.Error("Redacted changed the configuration it copied")
	}
}

func TestCredentialProblems(t *testing.T) {
	t.Parallel()
	_, err := Load(Options{EnvFile: writeFile(t, t.TempDir(), "empty.env", ""), Environ: []string{
		"TICKUP_ENV=prod", "DATABASE_URL=postgresql://tickup@db:5432/tickup", "SUPABASE_JWT=" + strings.Repeat("k", 32),
		"TICKUP_DB_ROLES=true", "TICKUP_DB_PASSWORD_API=a", "TICKUP_DB_PASSWORD_TICKETING=t", "TICKUP_DB_PASSWORD_DRAW=d",
		"TICKUP_NATS_USER_DRAW=draw",
	}})
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("Load: %v, want a ValidationError", err)
	}
	for _, want := range []string{
		"nats_users.draw.user: a NATS user and its password go together (set both or neither)",
		"db_passwords.wallet: required in prod when db_roles is on",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("problems lack %q:\n%s", want, err)
		}
	}
	if strings.Contains(err.Error(), "db_passwords.api") {
		t.Errorf("a set password reported:\n%s", err)
	}
}

package config

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestRedactedHidesSecrets(t *testing.T) {
	t.Parallel()
	secrets := []string{"dbpass", "natstoken", "anonkey", "jwtsecret", "whsec_stripe1", "whsec_Z2VuZXJpYw==",
		"notifysecret", "querypass"}
	cfg := defaults()
	cfg.DatabaseURL = "postgresql://tickup:dbpass@db:5432/tickup?password=querypass"
	cfg.NATSURL = "nats://natstoken@n1:4222,nats://n2:4222"
	cfg.Supabase = Supabase{URL: "https://x.supabase.co", Key: "anonkey", JWTSecret: "jwtsecret"}
	cfg.Webhooks = Webhooks{StripeSecrets: []string{"whsec_stripe1"}, GenericSecrets: []string{"whsec_Z2VuZXJpYw=="}}
	cfg.Notify = Notify{URL: "https://hooks.example/n", Secret: "notifysecret"}

	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("config", "config", cfg)
	tests := []struct {
		name, out string
	}{
		{name: "Redacted", out: fmt.Sprintf("%+v", plain(cfg.Redacted()))},
		{name: "String", out: cfg.String()},
		{name: "%v", out: fmt.Sprintf("%v", cfg)},
		{name: "%+v", out: fmt.Sprintf("%+v", cfg)},
		{name: "%#v", out: fmt.Sprintf("%#v", cfg)},
		{name: "slog", out: logged.String()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, s := range secrets {
				if strings.Contains(tc.out, s) {
					t.Errorf("output leaks %q: %s", s, tc.out)
				}
			}
			for _, keep := range []string{"tickup:xxxxx@db:5432", "https://x.supabase.co"} {
				if !strings.Contains(tc.out, keep) {
					t.Errorf("output lacks %q: %s", keep, tc.out)
				}
			}
		})
	}
	if cfg.Supabase.JWTSecret != "jwtsecret" || cfg.Webhooks.StripeSecrets[0] != "whsec_stripe1" {
		t.Error("Redacted changed the original configuration")
	}
}

func TestNormaliseDatabaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"postgresql+asyncpg://u:p@h:5432/db", "postgresql://u:p@h:5432/db"},
		{"postgresql+asyncpg://u@h/db?ssl=true", "postgresql://u@h/db?sslmode=require"},
		{"postgresql+asyncpg://u@h/db?ssl=false", "postgresql://u@h/db?sslmode=disable"},
		{"postgresql+asyncpg://u@h/db?ssl=verify-full&sslmode=require", "postgresql://u@h/db?sslmode=require"},
		{"postgresql+psycopg://u@h/db?sslmode=disable", "postgresql://u@h/db?sslmode=disable"},
		{"postgresql+psycopg2://u@h/db", "postgresql://u@h/db"},
		{"postgres://u@h/db", "postgresql://u@h/db"},
		{"postgresql://u@h/db", "postgresql://u@h/db"},
		{"mysql://u@h/db", "mysql://u@h/db"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := NormaliseDatabaseURL(tc.in); got != tc.want {
			t.Errorf("NormaliseDatabaseURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestKeysTable(t *testing.T) {
	t.Parallel()
	names, envs := map[string]bool{}, map[string]bool{}
	for _, k := range Keys() {
		if k.Name == "" || k.Description == "" || len(k.Env) == 0 || k.apply == nil {
			t.Errorf("key %+v is incomplete", k)
		}
		if k.Name != strings.ToLower(k.Name) || !strings.HasPrefix(k.Env[0], "TICKUP_") {
			t.Errorf("key %q: want a lowercase name and a TICKUP_ variable first, got %v", k.Name, k.Env)
		}
		if names[k.Name] {
			t.Errorf("key %q listed twice", k.Name)
		}
		names[k.Name] = true
		for _, e := range k.Env {
			if envs[e] {
				t.Errorf("variable %s listed twice", e)
			}
			envs[e] = true
		}
		if err := k.apply(&Config{HealthPorts: map[string]int{}}, k.Default); err != nil {
			t.Errorf("key %q: default %q does not parse: %v", k.Name, k.Default, err)
		}
	}
}

package main

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"tickup.dev/pkg/config"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/service"
	"tickup.dev/pkg/testenv"
)

// TestServiceRolesLogInWithTheirOwnPasswords runs `tickup migrate` with TICKUP_DB_ROLES and a
// password per service against a PostgreSQL that checks passwords (scram-sha-256): each
// service connects as its role with its password, a wrong, missing or another service's
// password is refused, and migrating again with a new password rotates it.
func TestServiceRolesLogInWithTheirOwnPasswords(t *testing.T) {
	dsn, err := db.WithDatabase(testenv.PasswordPostgres(t), "tickup")
	if err != nil {
		t.Fatal(err)
	}
	env := []string{"DATABASE_URL=" + dsn, "TICKUP_DB_ROLES=true", "TICKUP_DB_PASSWORD_API=api-pw",
		"TICKUP_DB_PASSWORD_TICKETING=ticketing-pw", "TICKUP_DB_PASSWORD_WALLET=wallet-pw", "TICKUP_DB_PASSWORD_DRAW=draw-pw"}
	if code, out := cliRunner(t, env...)("migrate"); code != 0 {
		t.Fatalf("migrate: exit %d\n%s", code, out)
	}
	cfg := loadTestConfig(t, env)
	for _, name := range serviceNames() {
		url, err := service.DatabaseURL(cfg, name)
		if err != nil {
			t.Fatal(err)
		}
		if user := currentUser(t, url); user != service.RoleName(name) {
			t.Errorf("%s connected as %q, want %s", name, user, service.RoleName(name))
		}
	}
	for _, password := range []string{"wrong", "", "api-pw"} {
		wantRefused(t, dsn, service.RoleName("wallet"), password)
	}

	rotated := append(env, "TICKUP_DB_PASSWORD_WALLET=wallet-pw-2")
	if code, out := cliRunner(t, rotated...)("migrate", "wallet"); code != 0 {
		t.Fatalf("migrate with a new wallet password: exit %d\n%s", code, out)
	}
	wantRefused(t, dsn, service.RoleName("wallet"), "wallet-pw")
	url, _ := service.DatabaseURL(loadTestConfig(t, rotated), "wallet")
	if user := currentUser(t, url); user != service.RoleName("wallet") {
		t.Errorf("after rotation wallet connected as %q", user)
	}
}

func loadTestConfig(t *testing.T, env []string) config.Config {
	t.Helper()
	cfg, err := config.Load(config.Options{Environ: append(env, "TICKUP_ENV=test"), EnvFile: "/dev/null"})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func currentUser(t *testing.T, url string) string {
	t.Helper()
	sqlDB, err := db.OpenSQL(context.Background(), url)
	if err != nil {
		t.Fatalf("connect as %s: %v", db.Redact(url), err)
	}
	defer sqlDB.Close()
	var user string
	if err := sqlDB.QueryRow(`SELECT current_user`).Scan(&user); err != nil {
		t.Fatal(err)
	}
	return user
}

// wantRefused checks that role cannot log in with password.
func wantRefused(t *testing.T, dsn, role, password string) {
	t.Helper()
	url, _ := db.WithUser(dsn, role, password)
	sqlDB, err := db.OpenSQL(context.Background(), url)
	if err == nil {
		_ = sqlDB.Close()
		t.Errorf("%s logged in with password %q", role, password)
		return
	}
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "28P01" || !strings.Contains(err.Error(), "password authentication failed") {
		t.Errorf("%s with password %q: %v, want 28P01 password authentication failed", role, password, err)
	}
}

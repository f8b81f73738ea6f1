package testenv

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"tickup.dev/pkg/db"
	"tickup.dev/pkg/pgcluster"
)

// scramPassword is the superuser's password of a PasswordPostgres cluster.
const scramPassword = "tickup-test-superuser"

// scramHBA trusts the server's own socket (for its tools) and asks every TCP login for its
// password, checked with scram-sha-256.
const scramHBA = "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n"

// PasswordPostgres starts, for one test, a private PostgreSQL cluster (pkg/pgcluster) that
// checks passwords: TCP logins use scram-sha-256, so a wrong password is refused, unlike on a
// server that trusts local connections. It returns the superuser's URL, with its password.
// The test fails, never skips, when the cluster cannot be made.
func PasswordPostgres(t testing.TB) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "tickup-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	c, err := pgcluster.Init(filepath.Join(dir, "data"), 0)
	if err != nil {
		t.Fatalf("testenv: %v", err)
	}
	if err := c.Start(); err != nil {
		t.Fatalf("testenv: %v", err)
	}
	t.Cleanup(func() { _ = c.Stop("fast") })
	ctx := context.Background()
	admin, err := db.OpenSQL(ctx, c.URL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	// Written in place, so the file keeps its owner (the server's OS user).
	if err := os.WriteFile(filepath.Join(c.Dir, "pg_hba.conf"), []byte(scramHBA), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"SET password_encryption = 'scram-sha-256'",
		"ALTER ROLE postgres PASSWORD '" + scramPassword + "'",
		"SELECT pg_reload_conf()",
	} {
		if _, err := admin.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("testenv: %s: %v", stmt, err)
		}
	}
	waitForPasswordChecks(t, c.Port)
	return fmt.Sprintf("postgresql://postgres:%s@127.0.0.1:%d/postgres?sslmode=disable", scramPassword, c.Port)
}

// waitForPasswordChecks waits until the reloaded pg_hba.conf is in force: the server applies
// a reload asynchronously, so a login without the password still passes for a moment.
func waitForPasswordChecks(t testing.TB, port int) {
	t.Helper()
	noPassword := fmt.Sprintf("postgresql://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		sqlDB, err := db.OpenSQL(context.Background(), noPassword)
		if err != nil {
			return
		}
		_ = sqlDB.Close()
		if time.Now().After(deadline) {
			t.Fatal("testenv: the private PostgreSQL still logs in without a password")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Package testenv gives tests real dependencies: a fresh PostgreSQL database per test package,
// an embedded NATS server with JetStream per test, and services run as separate processes.
package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"gorm.io/gorm"

	"tickup.dev/pkg/db"
)

// DefaultAdminURL is the server tests use when TICKUP_TEST_DATABASE_URL is not set.
const DefaultAdminURL = "postgresql://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// pgState is this test binary's PostgreSQL: the server found (or started) once, and what the
// tests created on it, removed again by RunMain.
type pgState struct {
	once      sync.Once
	adminURL  string
	err       error
	stop      func()
	mu        sync.Mutex
	databases []string
	roles     []string
	pkgDB     string
	pkgOnce   sync.Once
}

var pg pgState

// RunMain runs the package's tests and then drops the databases and roles they created.
// Use it from TestMain: func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }.
func RunMain(m *testing.M) int {
	code := m.Run()
	pg.cleanup()
	return code
}

// AdminURL returns a superuser URL of a reachable PostgreSQL server: TICKUP_TEST_DATABASE_URL,
// else the local server, else a testcontainers PostgreSQL when a Docker daemon answers.
// Without any, the test fails saying how to provide one; it is never skipped.
func AdminURL(t testing.TB) string {
	t.Helper()
	pg.once.Do(pg.find)
	if pg.err != nil {
		t.Fatalf("testenv: %v", pg.err)
	}
	return pg.adminURL
}

// Database returns the admin URL of this test package's own fresh database, created on first
// use and dropped by RunMain.
func Database(t testing.TB) string {
	t.Helper()
	admin := AdminURL(t)
	pg.pkgOnce.Do(func() { pg.pkgDB = createDatabase(t, admin) })
	if pg.pkgDB == "" {
		t.Fatal("testenv: the package database could not be created (see the first failure)")
	}
	dsn, _ := db.WithDatabase(admin, pg.pkgDB)
	return dsn
}

// FreshDatabase returns the admin URL of a new empty database for this test alone.
func FreshDatabase(t testing.TB) string {
	t.Helper()
	admin := AdminURL(t)
	dsn, _ := db.WithDatabase(admin, createDatabase(t, admin))
	return dsn
}

// ServiceDSN provisions a login role that owns only schema in the database adminDSN names
// and returns a URL that connects as that role, as a service does in production.
func ServiceDSN(t testing.TB, adminDSN, schema string) string {
	t.Helper()
	name, err := db.DatabaseName(adminDSN)
	if err != nil {
		t.Fatal(err)
	}
	role := truncate(name, 50) + "_" + schema
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	admin, err := db.OpenSQL(ctx, adminDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if err := db.ProvisionServiceRole(ctx, admin, schema, role, ""); err != nil {
		t.Fatal(err)
	}
	pg.remember(&pg.roles, role)
	dsn, err := db.WithUser(adminDSN, role, "")
	if err != nil {
		t.Fatal(err)
	}
	return dsn
}

// Open connects GORM to dsn and closes it when the test ends.
func Open(t testing.TB, dsn string) *gorm.DB {
	t.Helper()
	gdb, err := db.Open(context.Background(), dsn, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close(gdb) })
	return gdb
}

func createDatabase(t testing.TB, admin string) string {
	t.Helper()
	name := "tickup_test_" + truncate(packageName(), 30) + "_" + randomHex(4)
	dsn, _ := db.WithDatabase(admin, name)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.EnsureDatabase(ctx, dsn); err != nil {
		t.Fatalf("testenv: create database %s: %v", name, err)
	}
	pg.remember(&pg.databases, name)
	return name
}

func (s *pgState) remember(list *[]string, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range *list {
		if n == name {
			return
		}
	}
	*list = append(*list, name)
}

// cleanup drops what the tests created; failures are printed, not fatal: the run is over.
func (s *pgState) cleanup() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.adminURL != "" && (len(s.databases) > 0 || len(s.roles) > 0) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if admin, err := db.OpenSQL(ctx, s.adminURL); err == nil {
			for _, name := range s.databases {
				if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
					fmt.Fprintf(os.Stderr, "testenv: drop database %s: %v\n", name, err)
				}
			}
			for _, role := range s.roles {
				if _, err := admin.ExecContext(ctx, "DROP ROLE IF EXISTS "+pgx.Identifier{role}.Sanitize()); err != nil {
					fmt.Fprintf(os.Stderr, "testenv: drop role %s: %v\n", role, err)
				}
			}
			_ = admin.Close()
		}
	}
	if s.stop != nil {
		s.stop()
	}
}

var notIdent = regexp.MustCompile(`[^a-z0-9_]+`)

func packageName() string {
	base := strings.TrimSuffix(filepath.Base(os.Args[0]), ".test")
	return notIdent.ReplaceAllString(strings.ToLower(base), "_")
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

package health

import (
	"database/sql"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver
	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// testDatabaseURL is the local PostgreSQL, unless TICKUP_TEST_DATABASE_URL names another.
func testDatabaseURL() string {
	if url := os.Getenv("TICKUP_TEST_DATABASE_URL"); url != "" {
		return url
	}
	return "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
}

func openDB(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatalf("open database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestDBCheck(t *testing.T) {
	t.Parallel()
	closed := openDB(t, testDatabaseURL())
	closed.Close()
	tests := []struct {
		name    string
		db      *sql.DB
		wantErr string
	}{
		{name: "live database", db: openDB(t, testDatabaseURL())},
		{name: "closed pool", db: closed, wantErr: "database is closed"},
		{name: "nothing listening", db: openDB(t, "postgres://postgres@127.0.0.1:1/postgres?sslmode=disable"),
			wantErr: "ping:"},
		{name: "nil pool", wantErr: "no connection"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			check := DBCheck(tc.db)
			err := check.Fn(t.Context())
			assertCheck(t, check, err, tc.wantErr)
		})
	}
}

func assertCheck(t *testing.T, check Check, err error, wantErr string) {
	t.Helper()
	switch {
	case wantErr == "" && err != nil:
		t.Errorf("%s check = %v, want nil", check.Name, err)
	case wantErr != "" && (err == nil || !strings.Contains(err.Error(), wantErr)):
		t.Errorf("%s check = %v, want an error containing %q", check.Name, err, wantErr)
	}
}

// startNATS runs an embedded NATS server on a free port.
func startNATS(t *testing.T) *server.Server {
	t.Helper()
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatalf("new NATS server: %v", err)
	}
	go srv.Start()
	t.Cleanup(srv.Shutdown)
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("NATS server not ready")
	}
	return srv
}

func TestNATSCheck(t *testing.T) {
	t.Parallel()
	srv := startNATS(t)
	disconnected := make(chan struct{})
	var once sync.Once
	nc, err := nats.Connect(srv.ClientURL(), nats.DisconnectErrHandler(func(*nats.Conn, error) {
		once.Do(func() { close(disconnected) })
	}))
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(nc.Close)
	// Steps run in order: each changes the world, then checks.
	steps := []struct {
		name    string
		act     func(t *testing.T)
		wantErr string
	}{
		{name: "connected", act: func(*testing.T) {}},
		{name: "server shut down", act: func(t *testing.T) {
			srv.Shutdown()
			select {
			case <-disconnected:
			case <-time.After(10 * time.Second):
				t.Fatal("client never noticed the server going away")
			}
		}, wantErr: "connection is RECONNECTING"},
		{name: "connection closed", act: func(*testing.T) { nc.Close() }, wantErr: "connection is CLOSED"},
	}
	check := NATSCheck(nc)
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.act(t)
			assertCheck(t, check, check.Fn(t.Context()), step.wantErr)
		})
	}
	assertCheck(t, NATSCheck(nil), NATSCheck(nil).Fn(t.Context()), "no connection")
}

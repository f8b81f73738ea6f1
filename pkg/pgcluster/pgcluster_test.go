package pgcluster_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"tickup.dev/pkg/pgcluster"
	"tickup.dev/pkg/testenv"
)

// TestCrashedClusterRecoversItsCommittedRows crashes the private server (pg_ctl -m
// immediate) and restarts it: what was committed is there, the machine's server untouched.
func TestCrashedClusterRecoversItsCommittedRows(t *testing.T) {
	c, err := pgcluster.Init(filepath.Join(t.TempDir(), "pg"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Stop("fast") })
	ctx := context.Background()
	exec := func(sql string) error {
		conn, err := pgx.Connect(ctx, c.URL("postgres"))
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	if err := exec(`CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	if err := c.Stop("immediate"); err != nil {
		t.Fatal(err)
	}
	if err := exec(`SELECT 1`); err == nil {
		t.Fatal("the crashed server still answers")
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, 30*time.Second, "the committed row after recovery", func() error {
		return exec(`DO $$ BEGIN IF (SELECT count(*) FROM kept) <> 1 THEN RAISE 'lost'; END IF; END $$`)
	})
}

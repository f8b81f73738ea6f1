package db

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// MigrationSet is one component's ordered migrations: files named NNNN_description.sql at the
// root of FS. A service applies the platform's sets (outbox, inbox) and then its own.
type MigrationSet struct {
	Component string // "outbox", "inbox", "service", …: versions are counted per component
	FS        fs.FS
}

type migration struct {
	version int
	name    string
	sql     string
}

// Migrate applies every migration of sets that schema's version table does not list yet.
// Each file runs in its own transaction with search_path set to schema. Replicas starting
// together are serialised by an advisory lock, so the later one finds nothing left to do.
func Migrate(ctx context.Context, sqlDB *sql.DB, schema string, sets ...MigrationSet) error {
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", schema, err)
	}
	defer conn.Close()
	key := advisoryKey("tickup.migrate." + schema)
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("migrate %s: take lock: %w", schema, err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key) //nolint:errcheck // the lock dies with the session anyway
	if err := ensureSchema(ctx, conn, schema); err != nil {
		return fmt.Errorf("migrate %s: %w", schema, err)
	}
	s := pgx.Identifier{schema}.Sanitize()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+s+`.schema_migrations (
			component  text NOT NULL,
			version    int  NOT NULL,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now(),
			PRIMARY KEY (component, version))`); err != nil {
		return fmt.Errorf("migrate %s: version table: %w", schema, err)
	}
	for _, set := range sets {
		if err := applySet(ctx, conn, schema, set); err != nil {
			return err
		}
	}
	return nil
}

// ensureSchema creates schema unless it exists: a service role owns its schema but may not
// create schemas, and PostgreSQL checks that right even for CREATE SCHEMA IF NOT EXISTS.
func ensureSchema(ctx context.Context, conn *sql.Conn, schema string) error {
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, schema).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	_, err := conn.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{schema}.Sanitize())
	return err
}

func applySet(ctx context.Context, conn *sql.Conn, schema string, set MigrationSet) error {
	migs, err := readSet(set.FS)
	if err != nil {
		return fmt.Errorf("migrate %s/%s: %w", schema, set.Component, err)
	}
	s := pgx.Identifier{schema}.Sanitize()
	for _, m := range migs {
		var done bool
		err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+s+`.schema_migrations WHERE component = $1 AND version = $2)`,
			set.Component, m.version).Scan(&done)
		if err != nil {
			return fmt.Errorf("migrate %s/%s: read versions: %w", schema, set.Component, err)
		}
		if done {
			continue
		}
		if err := applyOne(ctx, conn, s, set.Component, m); err != nil {
			return fmt.Errorf("migrate %s/%s %04d_%s: %w", schema, set.Component, m.version, m.name, err)
		}
	}
	return nil
}

func applyOne(ctx context.Context, conn *sql.Conn, schema, component string, m migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // no-op after commit
	if _, err := tx.ExecContext(ctx, `SET LOCAL search_path TO `+schema); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO `+schema+`.schema_migrations (component, version, name) VALUES ($1, $2, $3)`,
		component, m.version, m.name); err != nil {
		return err
	}
	return tx.Commit()
}

func readSet(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	var migs []migration
	seen := map[int]string{}
	for _, n := range names {
		num, rest, ok := strings.Cut(strings.TrimSuffix(path.Base(n), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration file %q: want NNNN_description.sql", n)
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migration files %q and %q share version %d", prev, n, v)
		}
		seen[v] = n
		body, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		migs = append(migs, migration{version: v, name: rest, sql: string(body)})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].version < migs[j].version })
	return migs, nil
}

// advisoryKey maps a name to a stable 64-bit advisory lock key.
func advisoryKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64())
}

// AdvisoryKey is the lock key Tickup uses for name (exported for singletons such as a relay).
func AdvisoryKey(name string) int64 { return advisoryKey(name) }

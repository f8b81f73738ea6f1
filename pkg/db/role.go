package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// ProvisionServiceRole makes role a login role that owns schema in the database admin is
// connected to, and nothing else: it can connect, and use and change only its own schema.
// Other services' schemas stay unreadable to it. A non-empty password is set, on an
// existing role too (so calling it again rotates the password); an empty one leaves the
// role's password as it is. Safe to call again and concurrently.
func ProvisionServiceRole(ctx context.Context, admin *sql.DB, schema, role, password string) error {
	if err := createRole(ctx, admin, role, password); err != nil {
		return err
	}
	var dbName string
	if err := admin.QueryRowContext(ctx, `SELECT current_database()`).Scan(&dbName); err != nil {
		return fmt.Errorf("provision role %s: %w", role, err)
	}
	r, s := pgx.Identifier{role}.Sanitize(), pgx.Identifier{schema}.Sanitize()
	stmts := []string{
		"GRANT CONNECT ON DATABASE " + pgx.Identifier{dbName}.Sanitize() + " TO " + r,
		"REVOKE CREATE ON SCHEMA public FROM PUBLIC",
		"CREATE SCHEMA IF NOT EXISTS " + s + " AUTHORIZATION " + r,
		"ALTER SCHEMA " + s + " OWNER TO " + r,
		"ALTER ROLE " + r + " SET search_path = " + s,
	}
	for _, stmt := range stmts {
		if err := execIgnoringRace(ctx, admin, stmt); err != nil {
			return fmt.Errorf("provision role %s for schema %s: %w", role, schema, err)
		}
	}
	return nil
}

func createRole(ctx context.Context, admin *sql.DB, role, password string) error {
	var exists bool
	if err := admin.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, role).Scan(&exists); err != nil {
		return fmt.Errorf("look up role %s: %w", role, err)
	}
	stmt := "CREATE ROLE " + pgx.Identifier{role}.Sanitize() + " LOGIN"
	if exists {
		stmt = "ALTER ROLE " + pgx.Identifier{role}.Sanitize() + " LOGIN"
	}
	if password != "" {
		stmt += " PASSWORD " + quoteLiteral(password)
	}
	if err := execIgnoringRace(ctx, admin, stmt); err != nil {
		return fmt.Errorf("create role %s: %w", role, err)
	}
	return nil
}

// execIgnoringRace runs DDL, treating "already exists" and the catalog races of two
// replicas provisioning at once as success.
func execIgnoringRace(ctx context.Context, admin *sql.DB, stmt string) error {
	_, err := admin.ExecContext(ctx, stmt)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && (pgErr.Code == "42710" || pgErr.Code == "42P06" || pgErr.Code == "23505" || pgErr.Code == "XX000") {
		return nil
	}
	return err
}

func quoteLiteral(s string) string {
	out := []byte{'\''}
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			out = append(out, '\'')
		}
		out = append(out, s[i])
	}
	return string(append(out, '\''))
}

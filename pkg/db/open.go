// Package db opens PostgreSQL through GORM over pgx, creates databases and per-service roles,
// and applies each service's embedded, versioned SQL migrations.
package db

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Options tunes a connection pool.
type Options struct {
	MaxOpenConns int           // default 20
	MaxIdleConns int           // default 10
	ConnMaxLife  time.Duration // default 30m
	Log          *slog.Logger  // slow and failed queries; nil = silent
}

// Open connects to dsn through pgx and checks the connection before returning.
func Open(ctx context.Context, dsn string, opts Options) (*gorm.DB, error) {
	gdb, err := gorm.Open(postgres.New(postgres.Config{DSN: dsn}), &gorm.Config{
		Logger:                 gormLogger(opts.Log),
		SkipDefaultTransaction: true,
		TranslateError:         true,
	})
	var connectErr *pgconn.ConnectError
	if errors.As(err, &connectErr) {
		return nil, &UnreachableError{DSN: Redact(dsn), Err: err}
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", Redact(dsn), err)
	}
	sqlDB, err := gdb.DB()
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", Redact(dsn), err)
	}
	sqlDB.SetMaxOpenConns(orDefault(opts.MaxOpenConns, 20))
	sqlDB.SetMaxIdleConns(orDefault(opts.MaxIdleConns, 10))
	sqlDB.SetConnMaxLifetime(orDefaultDur(opts.ConnMaxLife, 30*time.Minute))
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := sqlDB.PingContext(pingCtx); err != nil {
		_ = sqlDB.Close()
		return nil, &UnreachableError{DSN: Redact(dsn), Err: err}
	}
	return gdb, nil
}

// Close closes the pool under gdb.
func Close(gdb *gorm.DB) error {
	sqlDB, err := gdb.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// UnreachableError says that PostgreSQL could not be reached, and how to fix that.
type UnreachableError struct {
	DSN string
	Err error
}

func (e *UnreachableError) Error() string {
	return fmt.Sprintf("PostgreSQL is unreachable at %s: %v\n"+
		"  fix: set DATABASE_URL to a reachable server (e.g. postgresql://postgres@127.0.0.1:5432/tickup),\n"+
		"  or install and start PostgreSQL (Debian: apt-get install postgresql && pg_ctlcluster 15 main start)",
		e.DSN, e.Err)
}

func (e *UnreachableError) Unwrap() error { return e.Err }

func orDefault(v, d int) int {
	if v > 0 {
		return v
	}
	return d
}

func orDefaultDur(v, d time.Duration) time.Duration {
	if v > 0 {
		return v
	}
	return d
}

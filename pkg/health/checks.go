package health

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/nats-io/nats.go"
)

// DBCheck is ready when the database answers a ping and "SELECT 1".
func DBCheck(db *sql.DB) Check {
	return Check{Name: "db", Fn: func(ctx context.Context) error {
		if db == nil {
			return errNoConnection
		}
		if err := db.PingContext(ctx); err != nil {
			return fmt.Errorf("ping: %w", err)
		}
		var one int
		if err := db.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
			return fmt.Errorf("select 1: %w", err)
		}
		return nil
	}}
}

// NATSCheck is ready when the connection is CONNECTED and a flush round trip to the
// server completes.
func NATSCheck(nc *nats.Conn) Check {
	return Check{Name: "nats", Fn: func(ctx context.Context) error {
		if nc == nil {
			return errNoConnection
		}
		if status := nc.Status(); status != nats.CONNECTED {
			return fmt.Errorf("connection is %s", status)
		}
		ctx, cancel := context.WithTimeout(ctx, CheckTimeout) // FlushWithContext needs a deadline
		defer cancel()
		if err := nc.FlushWithContext(ctx); err != nil {
			return fmt.Errorf("flush: %w", err)
		}
		return nil
	}}
}

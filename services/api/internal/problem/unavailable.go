package problem

import (
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// retryAfterSeconds is what a 503 tells the client to wait before trying again.
const retryAfterSeconds = "2"

// dependencyDown reports whether err says PostgreSQL could not be reached or went away
// (refused, reset, shutting down, restarting, out of connections): the request may work
// in a moment, so the client gets a 503 with Retry-After, never a 500.
func dependencyDown(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return strings.HasPrefix(pgErr.Code, "08") || // connection exception
			pgErr.Code == "57P01" || pgErr.Code == "57P02" || pgErr.Code == "57P03" || // shutdown, crash, starting up
			pgErr.Code == "53300" // too many connections
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.ErrUnexpectedEOF) || pgconn.Timeout(err)
}

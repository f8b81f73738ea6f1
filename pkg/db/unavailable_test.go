package db

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

func TestUnavailableKnowsADatabaseThatIsDownFromABadQuery(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, refused := pgx.Connect(ctx, "postgresql://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	for name, tc := range map[string]struct {
		err  error
		down bool
	}{
		"refused":          {fmt.Errorf("load: %w", refused), true},
		"admin shutdown":   {&pgconn.PgError{Code: "57P01"}, true},
		"starting up":      {&pgconn.PgError{Code: "57P03"}, true},
		"connection lost":  {&pgconn.PgError{Code: "08006"}, true},
		"conn closed":      {fmt.Errorf("create purchase: %w", pgconn.ErrConnClosed), true},
		"unique violation": {&pgconn.PgError{Code: "23505"}, false},
		"a plain error":    {errors.New("pool is not open"), false},
	} {
		if got := Unavailable(tc.err); got != tc.down {
			t.Errorf("%s: Unavailable = %v, want %v", name, got, tc.down)
		}
	}
}

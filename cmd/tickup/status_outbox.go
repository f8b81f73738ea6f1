package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"

	"tickup.dev/pkg/db"
)

// outboxBacklog is what one service has written to its outbox and not yet published.
type outboxBacklog struct {
	schema string
	rows   int64
	oldest time.Duration // age of the oldest unpublished row; 0 when none
}

// outboxBacklogs reads each service schema's outbox through DATABASE_URL (a role that can
// read every schema, as for tickup audit).
func outboxBacklogs(ctx context.Context, dsn string, schemas []string) ([]outboxBacklog, error) {
	sqlDB, err := db.OpenSQL(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer sqlDB.Close()
	var out []outboxBacklog
	for _, schema := range schemas {
		b := outboxBacklog{schema: schema}
		var oldestSeconds float64
		err := sqlDB.QueryRowContext(ctx, `SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)
			FROM `+pgx.Identifier{schema, "outbox"}.Sanitize()+` WHERE published_at IS NULL`).Scan(&b.rows, &oldestSeconds)
		if err != nil {
			return out, fmt.Errorf("outbox of %s: %w", schema, err)
		}
		b.oldest = time.Duration(oldestSeconds * float64(time.Second))
		out = append(out, b)
	}
	return out, nil
}

func printOutbox(w io.Writer, backlogs []outboxBacklog) {
	fmt.Fprintln(w, "\nOUTBOX\tUNPUBLISHED\tOLDEST")
	for _, b := range backlogs {
		oldest := "-"
		if b.rows > 0 {
			oldest = b.oldest.Round(time.Second).String()
		}
		fmt.Fprintf(w, "%s\t%d\t%s\n", b.schema, b.rows, oldest)
	}
}

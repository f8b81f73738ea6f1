// Package inbox makes event handlers idempotent: the router's Transactor claims each
// message in the inbox in the batch's transaction, so a handler's effects and the row naming
// the message commit together and a redelivered message changes nothing.
package inbox

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strings"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/db"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations is the inbox table's migration set; every consuming service applies it.
func Migrations() db.MigrationSet {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory is fixed at compile time
	}
	return db.MigrationSet{Component: "inbox", FS: sub}
}

// claimBatch claims messages for consumer in tx and returns the ones not handled before.
// Only the router's Transactor calls it: a handler never claims an inbox itself.
func claimBatch(ctx context.Context, tx *gorm.DB, consumer string, msgIDs []string) (map[string]bool, error) {
	values := make([]string, 0, len(msgIDs))
	args := make([]any, 0, 2*len(msgIDs))
	for _, id := range msgIDs {
		if id == "" {
			return nil, bus.Poison(errors.New("message without Nats-Msg-Id"))
		}
		values = append(values, "(?, ?)")
		args = append(args, consumer, id)
	}
	var claimed []string
	err := tx.WithContext(ctx).Raw(`INSERT INTO inbox (consumer, msg_id) VALUES `+strings.Join(values, ", ")+
		` ON CONFLICT DO NOTHING RETURNING msg_id`, args...).Scan(&claimed).Error
	if err != nil {
		return nil, fmt.Errorf("%s: claim %d messages: %w", consumer, len(msgIDs), err)
	}
	fresh := make(map[string]bool, len(claimed))
	for _, id := range claimed {
		fresh[id] = true
	}
	return fresh, nil
}

// Purge deletes inbox rows older than retention: redeliveries arrive within minutes, and
// JetStream's duplicate window covers re-publishes, so old rows guard nothing.
func Purge(ctx context.Context, gdb *gorm.DB, retention time.Duration) (int64, error) {
	res := gdb.WithContext(ctx).Exec(`DELETE FROM inbox WHERE received_at < now() - make_interval(secs => ?)`, retention.Seconds())
	if res.Error != nil {
		return 0, fmt.Errorf("purge inbox: %w", res.Error)
	}
	return res.RowsAffected, nil
}

// RunPurger purges every interval until ctx is cancelled.
func RunPurger(ctx context.Context, gdb *gorm.DB, interval, retention time.Duration, log *slog.Logger) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			if n, err := Purge(ctx, gdb, retention); err != nil {
				log.Warn("inbox purge failed", "err", err)
			} else if n > 0 {
				log.Info("inbox purged", "rows", n)
			}
		}
	}
}

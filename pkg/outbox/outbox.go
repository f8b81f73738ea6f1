// Package outbox is the transactional outbox: events are written in the same transaction as
// the business change that caused them, and a relay publishes them to JetStream afterwards.
// Nothing is published that was not committed, and nothing committed is lost.
package outbox

import (
	"context"
	"embed"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/db"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Migrations is the outbox table's migration set; every service applies it to its schema.
func Migrations() db.MigrationSet {
	return db.MigrationSet{Component: "outbox", FS: mustSub(migrations, "migrations")}
}

// Channel is the LISTEN/NOTIFY channel that wakes schema's relay.
func Channel(schema string) string { return schema + "_outbox" }

// Add stores evs for publication in tx, the caller's business transaction, tagged with the
// aggregate (pool, purchase, wallet…) whose order they must keep. Producers lock the
// aggregate's row before calling Add, so the outbox sequence follows commit order per aggregate.
func Add(ctx context.Context, tx *gorm.DB, aggregateID string, evs ...events.Event) error {
	if len(evs) == 0 {
		return nil
	}
	rows := make([]row, 0, len(evs))
	for _, ev := range evs {
		payload, err := events.Encode(ev)
		if err != nil {
			return fmt.Errorf("outbox: %w", err)
		}
		id, err := uuid.NewV7()
		if err != nil {
			return fmt.Errorf("outbox: event id: %w", err)
		}
		rows = append(rows, row{
			EventID: id, AggregateID: aggregateID, Subject: ev.EventSubject(), EventType: ev.EventType(),
			Payload: payload, Traceparent: traceparentFrom(ctx), CreatedAt: time.Now().UTC(),
		})
	}
	tx = tx.WithContext(ctx)
	if err := tx.Table("outbox").Omit("Seq", "PublishedAt").Create(&rows).Error; err != nil {
		return fmt.Errorf("outbox: store %d events for %s: %w", len(rows), aggregateID, err)
	}
	// A hint only: delivered at commit, and lost if the relay is not listening; polling covers that.
	if err := tx.Exec(`SELECT pg_notify(current_schema() || '_outbox', '')`).Error; err != nil {
		return fmt.Errorf("outbox: notify: %w", err)
	}
	return nil
}

// row is one stored event.
type row struct {
	Seq         int64 `gorm:"primaryKey;autoIncrement"`
	EventID     uuid.UUID
	AggregateID string
	Subject     string
	EventType   string
	Payload     []byte
	Traceparent string
	CreatedAt   time.Time
	PublishedAt *time.Time
}

// Package eventtest holds the fixtures the outbox and inbox tests share: a schema with both
// tables, a bus with a test stream, a test event and a reader of a stream's contents.
package eventtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/outbox"
	"tickup.dev/pkg/testenv"
)

// Stream captures Subject; tests publish WidgetChanged events on it.
var Stream = events.Stream{Name: "WIDGETS", Subjects: []string{"tickup.widgettest.>"}}

// WidgetChanged is a test event: the Seq-th change of aggregate Widget.
type WidgetChanged struct {
	SchemaVersion int    `json:"schema_version"`
	Widget        string `json:"widget"`
	Seq           int    `json:"seq"`
}

// EventType implements events.Event.
func (WidgetChanged) EventType() string { return "tickup.widgettest.widget.changed" }

// EventSubject implements events.Event.
func (WidgetChanged) EventSubject() string { return "tickup.widgettest.widget.changed" }

// Env is one test's database schema and NATS server.
type Env struct {
	DSN    string // search_path set to Schema
	Schema string
	DB     *gorm.DB
	Bus    *bus.Conn
}

// New migrates schema (outbox, inbox and a widget table) in the package database and connects
// a bus to a fresh embedded NATS server with the test stream.
func New(t *testing.T, schema string) *Env {
	t.Helper()
	ctx := context.Background()
	admin := testenv.Database(t)
	dsn, err := db.WithSearchPath(admin, schema)
	if err != nil {
		t.Fatal(err)
	}
	gdb := testenv.Open(t, dsn)
	sqlDB, _ := gdb.DB()
	if err := db.Migrate(ctx, sqlDB, schema, outbox.Migrations(), inbox.Migrations()); err != nil {
		t.Fatal(err)
	}
	if err := gdb.Exec(`CREATE TABLE IF NOT EXISTS widget (widget text PRIMARY KEY, changes int NOT NULL DEFAULT 0);
		CREATE TABLE IF NOT EXISTS effect (msg_id text NOT NULL, widget text NOT NULL, seq int NOT NULL, delivered int NOT NULL)`).Error; err != nil {
		t.Fatal(err)
	}
	conn, err := bus.Connect(ctx, testenv.NATS(t).ClientURL(), t.Name(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	if err := conn.EnsureStreams(ctx, Stream, events.Stream{Name: events.StreamDLQ, Subjects: []string{events.DLQFilter}}); err != nil {
		t.Fatal(err)
	}
	return &Env{DSN: dsn, Schema: schema, DB: gdb, Bus: conn}
}

// ChangeWidget is a producer's business transaction: it bumps widget's change counter under
// the row lock and writes one event per change to the outbox.
func (e *Env) ChangeWidget(ctx context.Context, widget string, changes int) error {
	return e.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int
		err := tx.Raw(`INSERT INTO widget (widget, changes) VALUES (?, ?)
			ON CONFLICT (widget) DO UPDATE SET changes = widget.changes + EXCLUDED.changes RETURNING changes`, widget, changes).Scan(&n).Error
		if err != nil {
			return err
		}
		evs := make([]events.Event, 0, changes)
		for i := n - changes + 1; i <= n; i++ {
			evs = append(evs, WidgetChanged{SchemaVersion: 1, Widget: widget, Seq: i})
		}
		return outbox.Add(ctx, tx, widget, evs...)
	})
}

// ReadStream returns every message in the test stream once want of them are there.
func (e *Env) ReadStream(t *testing.T, want int, timeout time.Duration) []jetstream.RawStreamMsg {
	t.Helper()
	ctx := context.Background()
	stream, err := e.Bus.JS.Stream(ctx, Stream.Name)
	if err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, timeout, fmt.Sprintf("%d messages in the stream", want), func() error {
		info, err := stream.Info(ctx)
		if err != nil {
			return err
		}
		if int(info.State.Msgs) < want {
			return fmt.Errorf("%d so far", info.State.Msgs)
		}
		return nil
	})
	info, _ := stream.Info(ctx)
	msgs := make([]jetstream.RawStreamMsg, 0, info.State.Msgs)
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		m, err := stream.GetMsg(ctx, seq)
		if err != nil {
			t.Fatalf("get message %d: %v", seq, err)
		}
		msgs = append(msgs, *m)
	}
	return msgs
}

// StartRelay runs a relay for the env's schema until the test ends or stop is called.
func (e *Env) StartRelay(t *testing.T, pub outbox.Publisher) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &outbox.Relay{DSN: e.DSN, DB: e.DB, Schema: e.Schema, Source: "/tickup/test", Pub: pub, Poll: 200 * time.Millisecond}
	done := make(chan struct{})
	go func() { defer close(done); _ = r.Run(ctx) }()
	stop = func() { cancel(); <-done }
	t.Cleanup(stop)
	return stop
}

// EffectRouter is a consumer of the widget stream whose effect is one effect row per handled
// event (its message id, widget, seq and delivery count); fail, when set, may refuse an event
// after its row is written (the transaction then rolls the row back).
func (e *Env) EffectRouter(durable string, fail func(ev bus.Event, w WidgetChanged) error) *bus.Router[*gorm.DB] {
	r := bus.NewRouter(bus.ConsumerSpec{Stream: Stream.Name, Durable: durable, MaxWait: 200 * time.Millisecond,
		NakBase: 50 * time.Millisecond}, inbox.Transactor(e.DB, func(tx *gorm.DB) *gorm.DB { return tx }))
	bus.On(r, func(ctx context.Context, tx *gorm.DB, w WidgetChanged) error {
		ev, _ := bus.EventOf(ctx)
		err := tx.Exec(`INSERT INTO effect (msg_id, widget, seq, delivered) VALUES (?, ?, ?, ?)`, ev.ID, w.Widget, w.Seq, ev.Delivered).Error
		if err == nil && fail != nil {
			err = fail(ev, w)
		}
		return err
	})
	return r
}

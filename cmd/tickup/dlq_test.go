package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/db"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/testenv"
)

// TestDeadLetterIsReplayedOnceItsCauseIsFixed: a message one consumer can never handle (its
// table is missing) reaches the DLQ after MaxDeliver while another consumer of the subject
// applies it; once the table exists, `tickup dlq replay` applies it in the failed consumer
// and changes nothing in the other; replaying it again (a copy left in the DLQ, as by a
// replay interrupted before the removal) changes nothing at all.
func TestDeadLetterIsReplayedOnceItsCauseIsFixed(t *testing.T) {
	w := newDLQWorld(t)
	w.consume("ledger", "ledger_effect")
	w.consume("tickets", "ticket_effect") // its table does not exist yet
	w.publish("evt-1")
	eventually(t, "the dead letter", func() bool { return len(w.deadLetters()) == 1 })

	code, out := w.run("dlq", "ls")
	for _, want := range []string{"tickets", "evt-1", events.TypePurchaseCreated.String(), "ticket_effect", "  3  "} {
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("dlq ls: exit %d, want 0 and %q in\n%s", code, want, out)
		}
	}
	copyOfDeadLetter := w.rawDeadLetter(1)

	w.exec(`CREATE TABLE ticket_effect (event_id text NOT NULL)`)
	if code, out := w.run("dlq", "replay", "1"); code != 0 || !strings.Contains(out, "replayed 1") {
		t.Fatalf("dlq replay 1: exit %d\n%s", code, out)
	}
	w.waitSettled("ledger", "tickets")
	w.wantEffects(map[string]int{"ledger_effect": 1, "ticket_effect": 1})
	if n := len(w.deadLetters()); n != 0 {
		t.Fatalf("%d dead letters after the replay, want 0", n)
	}

	w.putDeadLetter(copyOfDeadLetter)
	if code, out := w.run("dlq", "replay", "--all"); code != 0 || !strings.Contains(out, "replayed 2") {
		t.Fatalf("dlq replay --all: exit %d\n%s", code, out)
	}
	w.waitSettled("ledger", "tickets")
	w.wantEffects(map[string]int{"ledger_effect": 1, "ticket_effect": 1})
	if code, out := w.run("dlq", "ls"); code != 0 || !strings.Contains(out, "no dead letters") {
		t.Fatalf("dlq ls after replays: exit %d\n%s", code, out)
	}
}

func TestDLQReplayRefusesWhatItCannotFind(t *testing.T) {
	w := newDLQWorld(t)
	for _, tc := range []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"dlq", "replay"}, 2, "give one ID"},
		{[]string{"dlq", "replay", "7", "--all"}, 2, "give one ID"},
		{[]string{"dlq", "replay", "x1"}, 2, `got "x1"`},
		{[]string{"dlq", "replay", "7"}, 1, "dead letter 7: no such dead letter"},
	} {
		if code, out := w.run(tc.args...); code != tc.wantCode || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, want %d and %q\n%s", tc.args, code, tc.wantCode, tc.want, out)
		}
	}
}

// dlqWorld is an embedded NATS server with Tickup's streams, a database schema with an
// inbox, consumers running in the test, and the tickup binary pointed at both.
type dlqWorld struct {
	t    *testing.T
	conn *bus.Conn
	gdb  *gorm.DB
	run  func(args ...string) (int, string)
}

func newDLQWorld(t *testing.T) *dlqWorld {
	t.Helper()
	ctx := context.Background()
	natsURL, admin := testenv.NATSURL(t), testenv.FreshDatabase(t)
	sqlDB, err := db.OpenSQL(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	if err := db.Migrate(ctx, sqlDB, "replaytest", inbox.Migrations()); err != nil {
		t.Fatal(err)
	}
	dsn, _ := db.WithSearchPath(admin, "replaytest")
	w := &dlqWorld{t: t, gdb: testenv.Open(t, dsn), run: cliRunner(t, "DATABASE_URL="+admin, "NATS_URL="+natsURL)}
	w.exec(`CREATE TABLE ledger_effect (event_id text NOT NULL)`)
	if w.conn, err = bus.Connect(ctx, natsURL, t.Name(), nil); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.conn.Close)
	if err := w.conn.EnsureStreams(ctx, events.Streams()...); err != nil {
		t.Fatal(err)
	}
	return w
}

// cliRunner runs the tickup binary with env and returns its exit code and output.
func cliRunner(t *testing.T, env ...string) func(args ...string) (int, string) {
	bin := testenv.BuildBinary(t, "tickup.dev/cmd/tickup")
	return func(args ...string) (int, string) {
		p := testenv.StartProcess(t, "tickup "+strings.Join(args, " "), bin, args, append(env, "TICKUP_ENV=test")...)
		code, err := p.Wait(60 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		return code, p.Output()
	}
}

// consume runs durable on purchase.created: each new event adds a row to table, in the
// inbox's transaction.
func (w *dlqWorld) consume(durable, table string) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	w.t.Cleanup(func() { cancel(); <-done })
	r := bus.NewRouter(bus.ConsumerSpec{Durable: durable, MaxDeliver: 3, NakBase: 10 * time.Millisecond},
		inbox.Transactor(w.gdb, func(tx *gorm.DB) *gorm.DB { return tx }))
	bus.On(r, func(ctx context.Context, tx *gorm.DB, _ events.PurchaseCreated) error {
		ev, _ := bus.EventOf(ctx)
		return tx.Exec(`INSERT INTO `+table+` (event_id) VALUES (?)`, ev.ID).Error
	})
	spec, h := r.Spec(), r.Handler()
	if err := w.conn.EnsureConsumer(ctx, spec); err != nil {
		w.t.Fatal(err)
	}
	go func() { defer close(done); _ = w.conn.Consume(ctx, spec, h) }()
}

func (w *dlqWorld) publish(id string) {
	err := w.conn.Publish(context.Background(), bus.Message{ID: id, Subject: events.TypePurchaseCreated.Subject(""),
		Type: events.TypePurchaseCreated.String(), Data: []byte(`{"schema_version":1}`)})
	if err != nil {
		w.t.Fatal(err)
	}
}

func (w *dlqWorld) exec(sql string) {
	if err := w.gdb.Exec(sql).Error; err != nil {
		w.t.Fatalf("%s: %v", sql, err)
	}
}

func (w *dlqWorld) deadLetters() []bus.DeadLetter {
	dls, err := w.conn.DeadLetters(context.Background())
	if err != nil {
		w.t.Fatal(err)
	}
	return dls
}

package outbox_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/internal/eventtest"
	"tickup.dev/pkg/outbox"
	"tickup.dev/pkg/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

func TestRolledBackEventIsNeverPublished(t *testing.T) {
	env := eventtest.New(t, "rollback")
	ctx := context.Background()
	errRollback := errors.New("business rule failed")
	err := env.DB.Transaction(func(tx *gorm.DB) error {
		if err := outbox.Add(ctx, tx, "w-rolled-back", eventtest.WidgetChanged{SchemaVersion: 1, Widget: "w-rolled-back", Seq: 1}); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatalf("transaction: %v", err)
	}
	if err := env.ChangeWidget(ctx, "w-committed", 1); err != nil {
		t.Fatal(err)
	}
	env.StartRelay(t, env.Bus)

	msgs := env.ReadStream(t, 1, 10*time.Second)
	var rolledBack int64
	env.DB.Table("outbox").Where("aggregate_id = ?", "w-rolled-back").Count(&rolledBack)
	if rolledBack != 0 {
		t.Fatalf("the rolled-back transaction left %d outbox rows", rolledBack)
	}
	if len(msgs) != 1 {
		t.Fatalf("stream holds %d messages, want only the committed one", len(msgs))
	}
	var ev eventtest.WidgetChanged
	if err := json.Unmarshal(msgs[0].Data, &ev); err != nil || ev.Widget != "w-committed" {
		t.Fatalf("published %s (%v), want the committed widget's event", msgs[0].Data, err)
	}
	var pending int64
	env.DB.Table("outbox").Where("published_at IS NULL").Count(&pending)
	if pending != 0 {
		t.Fatalf("%d outbox rows still unpublished", pending)
	}
}

func TestPublishedHeadersCarryTheEventID(t *testing.T) {
	env := eventtest.New(t, "headers")
	ctx := outbox.WithTraceparent(context.Background(), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	if err := env.ChangeWidget(ctx, "w1", 1); err != nil {
		t.Fatal(err)
	}
	env.StartRelay(t, env.Bus)
	msg := env.ReadStream(t, 1, 10*time.Second)[0]
	var eventID string
	env.DB.Table("outbox").Select("event_id::text").Scan(&eventID)
	checks := map[string]string{
		bus.HeaderMsgID: eventID, bus.HeaderID: eventID, bus.HeaderType: "tickup.widgettest.widget.changed",
		bus.HeaderSource: "/tickup/test", bus.HeaderTraceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
	}
	for h, want := range checks {
		if got := msg.Header.Get(h); got != want {
			t.Errorf("header %s = %q, want %q", h, got, want)
		}
	}
}

// crashingPublisher publishes for real and then "dies" before the relay can mark the row.
type crashingPublisher struct {
	bus outbox.Publisher
	die func()
}

func (p *crashingPublisher) Publish(ctx context.Context, m bus.Message) error {
	if err := p.bus.Publish(ctx, m); err != nil {
		return err
	}
	p.die()
	return errors.New("relay killed after publish, before marking")
}

func TestRelayKilledBetweenPublishAndMarkRepublishesAndConsumerSeesOnce(t *testing.T) {
	env := eventtest.New(t, "crash")
	ctx := context.Background()
	for i := range 5 {
		if err := env.ChangeWidget(ctx, fmt.Sprintf("w%d", i), 1); err != nil {
			t.Fatal(err)
		}
	}
	died := make(chan struct{})
	var once sync.Once
	dying := &crashingPublisher{bus: env.Bus, die: func() { once.Do(func() { close(died) }) }}
	stopFirst := env.StartRelay(t, dying)
	select {
	case <-died:
	case <-time.After(10 * time.Second):
		t.Fatal("the first relay never published")
	}
	stopFirst()
	var unmarked int64
	env.DB.Table("outbox").Where("published_at IS NULL").Count(&unmarked)
	if unmarked != 5 {
		t.Fatalf("%d rows unmarked after the crash, want all 5 (the published one too)", unmarked)
	}

	env.StartRelay(t, env.Bus) // the restarted relay re-publishes the first event
	msgs := env.ReadStream(t, 5, 10*time.Second)
	if len(msgs) != 5 {
		t.Fatalf("stream holds %d messages, want 5 (the re-publish deduplicated)", len(msgs))
	}
	effects := consumeIntoEffects(t, env, 5)
	if effects != 5 {
		t.Fatalf("consumer recorded %d effects, want 5", effects)
	}
}

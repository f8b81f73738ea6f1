package inbox_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/inbox"
	"tickup.dev/pkg/internal/eventtest"
	"tickup.dev/pkg/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.RunMain(m)) }

func countEffects(t *testing.T, env *eventtest.Env) int64 {
	t.Helper()
	var n int64
	if err := env.DB.Table("effect").Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func delivery(id string, seq int) bus.Delivery {
	data, _ := events.Encode(eventtest.WidgetChanged{SchemaVersion: 1, Widget: "w", Seq: seq})
	return bus.Delivery{Message: bus.Message{ID: id, Subject: "tickup.widgettest.widget.changed", Type: "tickup.widgettest.widget.changed", Data: data}, NumDelivered: 1}
}

func TestSameMessageDeliveredThreeTimesHasOneEffect(t *testing.T) {
	env := eventtest.New(t, "thrice")
	h := env.EffectRouter("thrice", nil).Handler()
	ctx := context.Background()
	for range 3 {
		if err := h(ctx, []bus.Delivery{delivery("msg-1", 1)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := h(ctx, []bus.Delivery{delivery("msg-1", 1), delivery("msg-2", 2), delivery("msg-2", 2)}); err != nil {
		t.Fatal(err)
	}
	if n := countEffects(t, env); n != 2 {
		t.Fatalf("%d effects, want 2 (msg-1 and msg-2 once each)", n)
	}
	other := env.EffectRouter("another-consumer", nil).Handler()
	if err := other(ctx, []bus.Delivery{delivery("msg-1", 1)}); err != nil {
		t.Fatal(err)
	}
	if n := countEffects(t, env); n != 3 {
		t.Fatalf("%d effects, want 3: another consumer handles msg-1 for itself", n)
	}
}

func TestHandlerErrorLeavesNoEffectAndTheMessageIsRedelivered(t *testing.T) {
	env := eventtest.New(t, "retry")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := env.ChangeWidget(ctx, "w", 1); err != nil {
		t.Fatal(err)
	}
	env.StartRelay(t, env.Bus)
	flaky := env.EffectRouter("retry", func(ev bus.Event, _ eventtest.WidgetChanged) error {
		if ev.Delivered == 1 {
			return errors.New("downstream hiccup after writing the effect")
		}
		return nil
	})
	runConsumer(t, ctx, env, flaky.Spec(), flaky.Handler())
	testenv.WaitFor(t, 15*time.Second, "the redelivered message's effect", func() error {
		if countEffects(t, env) == 0 {
			return errors.New("no effect yet")
		}
		return nil
	})
	cancel()
	var delivered []int
	env.DB.Table("effect").Pluck("delivered", &delivered)
	if len(delivered) != 1 || delivered[0] != 2 {
		t.Fatalf("effects recorded at deliveries %v, want exactly one, at delivery 2", delivered)
	}
}

func TestPoisonMessageEndsInDLQWithItsReason(t *testing.T) {
	env := eventtest.New(t, "poison")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	bad := bus.Message{ID: "poison-1", Subject: "tickup.widgettest.widget.changed", Type: "tickup.widgettest.widget.changed", Data: []byte(`{"widget":"w"}`)}
	if err := env.Bus.Publish(ctx, bad); err != nil {
		t.Fatal(err)
	}
	poison := env.EffectRouter("poison", nil)
	runConsumer(t, ctx, env, poison.Spec(), poison.Handler())

	dlq, err := env.Bus.JS.Stream(ctx, events.StreamDLQ)
	if err != nil {
		t.Fatal(err)
	}
	var msg *jetstream.RawStreamMsg
	testenv.WaitFor(t, 10*time.Second, "the poison message in the DLQ", func() error {
		msg, err = dlq.GetLastMsgForSubject(ctx, events.DLQFilter)
		return err
	})
	if reason := msg.Header.Get(bus.HeaderDLQReason); !strings.Contains(reason, "schema_version") {
		t.Errorf("DLQ reason %q does not say why the message could not be decoded", reason)
	}
	if got := msg.Header.Get(bus.HeaderOriginalMsgID); got != "poison-1" {
		t.Errorf("DLQ original id %q, want poison-1", got)
	}
	if n := countEffects(t, env); n != 0 {
		t.Fatalf("%d effects from a poison message", n)
	}
	var claimed int64
	env.DB.Table("inbox").Count(&claimed)
	if claimed != 0 {
		t.Fatalf("the poison message left %d inbox rows; its transaction must roll back", claimed)
	}
}

func TestPurgeRemovesOnlyOldRows(t *testing.T) {
	env := eventtest.New(t, "purge")
	ctx := context.Background()
	h := env.EffectRouter("purge", nil).Handler()
	if err := h(ctx, []bus.Delivery{delivery("old", 1), delivery("new", 2)}); err != nil {
		t.Fatal(err)
	}
	env.DB.Exec(`UPDATE inbox SET received_at = now() - interval '8 days' WHERE msg_id = 'old'`)
	n, err := inbox.Purge(ctx, env.DB, 7*24*time.Hour)
	if err != nil || n != 1 {
		t.Fatalf("purged %d rows (err %v), want 1", n, err)
	}
}

func runConsumer(t *testing.T, ctx context.Context, env *eventtest.Env, spec bus.ConsumerSpec, h bus.BatchHandler) {
	t.Helper()
	if err := env.Bus.EnsureConsumer(ctx, spec); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = env.Bus.Consume(ctx, spec, h) }()
	t.Cleanup(func() { <-done })
}

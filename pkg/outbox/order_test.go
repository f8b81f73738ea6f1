package outbox_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/internal/eventtest"
)

// TestTenThousandEventsFromConcurrentWriters writes 10,000 events from 16 concurrent writers
// over 25 aggregates, with two relays running, and checks that every event arrives exactly
// once and in commit order per aggregate.
func TestTenThousandEventsFromConcurrentWriters(t *testing.T) {
	const writers, perWriter, aggregates = 16, 625, 25
	env := eventtest.New(t, "volume")
	env.StartRelay(t, env.Bus)
	env.StartRelay(t, env.Bus) // a standby replica: only one may publish at a time

	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for written := 0; written < perWriter; {
				n := min(1+rng.IntN(5), perWriter-written)
				if err := env.ChangeWidget(context.Background(), fmt.Sprintf("agg-%02d", rng.IntN(aggregates)), n); err != nil {
					errs <- err
					return
				}
				written += n
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	msgs := env.ReadStream(t, writers*perWriter, 2*time.Minute)
	if len(msgs) != writers*perWriter {
		t.Fatalf("stream holds %d messages, want %d", len(msgs), writers*perWriter)
	}
	ids := make(map[string]bool, len(msgs))
	last := map[string]int{}
	for _, m := range msgs {
		id := m.Header.Get(bus.HeaderMsgID)
		if ids[id] {
			t.Fatalf("event %s published twice", id)
		}
		ids[id] = true
		var ev eventtest.WidgetChanged
		if err := json.Unmarshal(m.Data, &ev); err != nil {
			t.Fatal(err)
		}
		if ev.Seq != last[ev.Widget]+1 {
			t.Fatalf("%s: change %d arrived after change %d", ev.Widget, ev.Seq, last[ev.Widget])
		}
		last[ev.Widget] = ev.Seq
	}
}

// consumeIntoEffects consumes the test stream through an inbox handler that records one
// effect row per handled message, and returns the effect count once want are recorded.
func consumeIntoEffects(t *testing.T, env *eventtest.Env, want int) int64 {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := env.EffectRouter("effects", nil)
	spec, h := r.Spec(), r.Handler()
	if err := env.Bus.EnsureConsumer(ctx, spec); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = env.Bus.Consume(ctx, spec, h) }()
	var n int64
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		env.DB.Table("effect").Count(&n)
		if n >= int64(want) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	<-done
	env.DB.Table("effect").Count(&n)
	return n
}

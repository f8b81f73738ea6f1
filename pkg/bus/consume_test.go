package bus_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

func TestWaitingMessagesArriveAsOneBatch(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	publishN(t, c, "m", 20)
	rec := &recorder{}
	consume(t, c, apiSpec("batch"), func(_ context.Context, b []bus.Delivery) error {
		rec.add(b)
		return nil
	})
	eventually(t, "all 20 handled", func() bool { return len(rec.seen()) == 20 })
	if got := len(rec.snapshot()[0]); got != 20 {
		t.Fatalf("first batch has %d messages, want all 20", got)
	}
	eventually(t, "acks settled", settled(t, c, events.StreamAPI, "batch", 20))
}

func TestFailedBatchFallsBackToSingles(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	publishN(t, c, "m", 5)
	rec := &recorder{}
	consume(t, c, apiSpec("fallback"), func(_ context.Context, b []bus.Delivery) error {
		rec.add(b)
		for _, d := range b {
			if d.ID == "m-2" && d.NumDelivered == 1 {
				return errors.New("transient")
			}
		}
		return nil
	})
	eventually(t, "m-2 redelivered", func() bool { return rec.seen()["m-2"] == 3 })
	eventually(t, "acks settled", settled(t, c, events.StreamAPI, "fallback", 6))

	calls := rec.snapshot()
	if len(calls) != 7 || len(calls[0]) != 5 {
		t.Fatalf("got %d calls (first of %d), want a batch of 5, 5 singles, 1 retry", len(calls), len(calls[0]))
	}
	for _, call := range calls[1:] {
		if len(call) != 1 {
			t.Fatalf("fallback call with %d messages", len(call))
		}
	}
	if last := calls[6][0]; last.ID != "m-2" || last.NumDelivered != 2 {
		t.Fatalf("redelivered %s (delivery %d), want m-2 delivery 2", last.ID, last.NumDelivered)
	}
}

func TestReplicasShareADurable(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	const n = 200
	publishN(t, c, "m", n)
	spec := apiSpec("shared")
	spec.BatchSize = 10
	if err := c.EnsureConsumer(context.Background(), spec); err != nil {
		t.Fatalf("ensure consumer: %v", err)
	}
	recs := [2]*recorder{{}, {}}
	started := [2]chan struct{}{make(chan struct{}), make(chan struct{})}
	for i := range 2 {
		mark := sync.OnceFunc(func() { close(started[i]) })
		consume(t, c, spec, func(_ context.Context, b []bus.Delivery) error {
			recs[i].add(b)
			mark()
			// Hold the first batch until the other replica has one too, so both get work.
			select {
			case <-started[1-i]:
			case <-time.After(waitLimit):
			}
			return nil
		})
	}
	total := func() int { return len(recs[0].seen()) + len(recs[1].seen()) }
	eventually(t, "all messages handled", func() bool { return total() == n })
	eventually(t, "acks settled", settled(t, c, events.StreamAPI, "shared", n))

	seen := map[string]int{}
	for i, r := range recs {
		if len(r.seen()) == 0 {
			t.Errorf("replica %d got no messages", i)
		}
		for id, k := range r.seen() {
			seen[id] += k
		}
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("%s handled %d times", id, k)
		}
	}
}

func TestCancelFinishesTheBatchInHand(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	publishN(t, c, "m", 3)
	inHandler, release := make(chan struct{}), make(chan struct{})
	once := sync.OnceFunc(func() { close(inHandler) })
	h := func(ctx context.Context, _ []bus.Delivery) error {
		once()
		<-release
		return ctx.Err() // the handler's context outlives the cancel
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Consume(ctx, apiSpec("cancel"), h) }()
	<-inHandler
	cancel()
	close(release)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Consume returned %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("Consume did not return after cancel")
	}
	if info := consumerInfo(t, c, events.StreamAPI, "cancel"); info.NumAckPending != 0 {
		t.Fatalf("%d messages left unacknowledged after cancel", info.NumAckPending)
	}
}

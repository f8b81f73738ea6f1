package bus_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// deadLetters lists the DLQ or fails the test.
func deadLetters(t *testing.T, c *bus.Conn) []bus.DeadLetter {
	t.Helper()
	dls, err := c.DeadLetters(context.Background())
	if err != nil {
		t.Fatalf("dead letters: %v", err)
	}
	return dls
}

func TestReplayRedeliversWithTheOriginalIDInsideTheDuplicateWindow(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	publish(t, c, "m-0")
	var broken atomic.Bool
	broken.Store(true)
	ids := make(chan string, 10)
	spec := apiSpec("replayed")
	spec.MaxDeliver = 2
	consume(t, c, spec, func(_ context.Context, b []bus.Delivery) error {
		if broken.Load() {
			return errors.New("table missing")
		}
		for _, d := range b {
			ids <- d.ID
		}
		return nil
	})
	eventually(t, "dead letter", func() bool { return len(deadLetters(t, c)) == 1 })
	dl := deadLetters(t, c)[0]
	want := bus.DeadLetter{Seq: 1, At: dl.At, Consumer: "replayed", Subject: events.TypePurchaseCreated.Subject(""),
		ID: "m-0", Type: events.TypePurchaseCreated.String(), EventTime: dl.EventTime, Deliveries: 2, Reason: "table missing"}
	if dl != want || dl.EventTime.IsZero() {
		t.Fatalf("dead letter %+v, want %+v", dl, want)
	}

	broken.Store(false)
	if _, err := c.Replay(context.Background(), dl.Seq); err != nil {
		t.Fatalf("replay: %v", err)
	}
	if got := <-ids; got != "m-0" { // the inbox key: the original id, not a fresh one
		t.Errorf("replayed message delivered as %q, want m-0", got)
	}
	if n := len(deadLetters(t, c)); n != 0 {
		t.Errorf("%d dead letters left after the replay, want 0", n)
	}
	if _, err := c.Replay(context.Background(), dl.Seq); !errors.Is(err, bus.ErrNoDeadLetter) {
		t.Errorf("second replay of %d: %v, want ErrNoDeadLetter", dl.Seq, err)
	}
}

func TestReplayThatFailsAgainIsDeadLetteredAgain(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	publish(t, c, "m-0")
	spec := apiSpec("still-broken")
	spec.MaxDeliver = 2
	consume(t, c, spec, func(context.Context, []bus.Delivery) error { return errors.New("still missing") })
	eventually(t, "dead letter", func() bool { return len(deadLetters(t, c)) == 1 })

	if _, err := c.Replay(context.Background(), 1); err != nil {
		t.Fatalf("replay: %v", err)
	}
	// Inside the duplicate window: the second dead letter must not be dropped as the first.
	eventually(t, "second dead letter", func() bool {
		dls := deadLetters(t, c)
		return len(dls) == 1 && dls[0].Seq == 2
	})
	if dl := deadLetters(t, c)[0]; dl.ReplayOf != "1" || dl.ID != "m-0" || dl.Deliveries != 2 {
		t.Errorf("second dead letter %+v, want ReplayOf 1, ID m-0, 2 deliveries", dl)
	}
}

package bus_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// dlqMsg returns the first dead-lettered message.
func dlqMsg(t *testing.T, c *bus.Conn) *nats.Header {
	t.Helper()
	s, err := c.JS.Stream(context.Background(), events.StreamDLQ)
	if err != nil {
		t.Fatalf("dlq stream: %v", err)
	}
	raw, err := s.GetMsg(context.Background(), 1)
	if err != nil {
		t.Fatalf("dlq msg: %v", err)
	}
	if raw.Subject != events.DLQSubject(events.StreamAPI, raw.Header.Get(bus.HeaderConsumer)) {
		t.Errorf("dlq subject %q", raw.Subject)
	}
	return &raw.Header
}

func TestPoisonMessageGoesToDLQOnce(t *testing.T) {
	t.Parallel()
	c, logs := setup(t)
	publishN(t, c, "m", 3)
	rec := &recorder{}
	consume(t, c, apiSpec("poison"), func(_ context.Context, b []bus.Delivery) error {
		rec.add(b)
		for _, d := range b {
			if d.ID == "m-1" {
				return bus.Poison(errors.New("cannot decode payload"))
			}
		}
		return nil
	})
	eventually(t, "dead letter", func() bool { return streamMsgs(t, c, events.StreamDLQ) == 1 })
	eventually(t, "acks settled", settled(t, c, events.StreamAPI, "poison", 3))

	h := dlqMsg(t, c)
	want := map[string]string{
		bus.HeaderOriginalSubject: events.TypePurchaseCreated.Subject(""),
		bus.HeaderOriginalMsgID:   "m-1",
		bus.HeaderConsumer:        "poison",
		bus.HeaderDeliveries:      "1",
		nats.MsgIdHdr:             "poison:m-1",
		bus.HeaderType:            events.TypePurchaseCreated.String(),
	}
	checkHeaders(t, h, want)
	if r := h.Get(bus.HeaderDLQReason); !strings.Contains(r, "cannot decode payload") {
		t.Errorf("reason header %q", r)
	}
	if got := rec.seen()["m-1"]; got != 2 { // once in the batch, once alone
		t.Errorf("poison message handled %d times, want 2", got)
	}
	if !strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), "id=m-1") {
		t.Errorf("no ERROR log naming the message:\n%s", logs.String())
	}
}

func TestMaxDeliverExhaustionGoesToDLQ(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	publish(t, c, "m-0")
	spec := apiSpec("exhaust")
	spec.MaxDeliver = 3
	rec := &recorder{}
	consume(t, c, spec, func(_ context.Context, b []bus.Delivery) error {
		rec.add(b)
		return errors.New("downstream unavailable")
	})
	eventually(t, "dead letter", func() bool { return streamMsgs(t, c, events.StreamDLQ) == 1 })
	eventually(t, "acks settled", settled(t, c, events.StreamAPI, "exhaust", 3))
	checkHeaders(t, dlqMsg(t, c), map[string]string{
		bus.HeaderDeliveries: "3", bus.HeaderDLQReason: "downstream unavailable",
	})
	if got := rec.seen()["m-0"]; got != 3 {
		t.Errorf("handled %d times, want 3 (MaxDeliver)", got)
	}
}

func checkHeaders(t *testing.T, h *nats.Header, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got := h.Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
}

package bus_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

var traceparentRE = regexp.MustCompile(`^00-[0-9a-f]{32}-[0-9a-f]{16}-01$`)

func TestPublishSameIDTwiceStoresOnce(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	publish(t, c, "evt-1")
	publish(t, c, "evt-1")
	if got := streamMsgs(t, c, events.StreamAPI); got != 1 {
		t.Fatalf("stream holds %d messages after a duplicate publish, want 1", got)
	}
	publish(t, c, "evt-2")
	if got := streamMsgs(t, c, events.StreamAPI); got != 2 {
		t.Fatalf("stream holds %d messages, want 2", got)
	}
}

func TestPublishRefusesIncompleteMessage(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	err := c.Publish(context.Background(), bus.Message{Subject: "tickup.api.purchase.created"})
	if err == nil {
		t.Fatal("publish without id and type succeeded")
	}
}

func TestHeadersArePublishedAndParsedBack(t *testing.T) {
	t.Parallel()
	c, _ := setup(t)
	at := time.Date(2026, 3, 4, 5, 6, 7, 890, time.UTC)
	typ := events.TypeTicketIssued
	sent := []bus.Message{
		{ID: "t-1", Subject: typ.Subject("pool-1"), Type: typ.String(), Source: typ.Source(),
			Time: at, Data: []byte(`{"a":1}`)},
		{ID: "t-2", Subject: typ.Subject("pool-1"), Type: typ.String(), Source: typ.Source(),
			Time: at, Data: []byte(`{"a":2}`),
			Traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"},
	}
	for _, m := range sent {
		if err := c.Publish(context.Background(), m); err != nil {
			t.Fatalf("publish: %v", err)
		}
	}
	checkRawHeaders(t, c, sent[0])

	rec := &recorder{}
	spec := bus.ConsumerSpec{Stream: events.StreamTicketing, Durable: "headers",
		FilterSubjects: events.Filters(typ)}
	consume(t, c, spec, func(_ context.Context, b []bus.Delivery) error { rec.add(b); return nil })
	eventually(t, "both deliveries", func() bool { return len(rec.seen()) == 2 })

	for i, d := range rec.snapshot()[0] {
		want := sent[i]
		if want.Traceparent == "" {
			want.Traceparent = d.Traceparent // generated: checked for shape below
		}
		if !traceparentRE.MatchString(d.Traceparent) {
			t.Errorf("traceparent %q is not W3C", d.Traceparent)
		}
		if d.NumDelivered != 1 || !d.Time.Equal(want.Time) {
			t.Errorf("delivery %d: deliveries %d time %v", i, d.NumDelivered, d.Time)
		}
		d.Time, want.Time = time.Time{}, time.Time{}
		if d.ID != want.ID || d.Subject != want.Subject || d.Type != want.Type ||
			d.Source != want.Source || d.Traceparent != want.Traceparent || string(d.Data) != string(want.Data) {
			t.Errorf("delivery %d = %+v, want %+v", i, d.Message, want)
		}
	}
}

// checkRawHeaders reads the first stored message and checks its headers as written.
func checkRawHeaders(t *testing.T, c *bus.Conn, m bus.Message) {
	t.Helper()
	s, err := c.JS.Stream(context.Background(), events.StreamTicketing)
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	raw, err := s.GetMsg(context.Background(), 1)
	if err != nil {
		t.Fatalf("get msg: %v", err)
	}
	want := map[string]string{
		"Nats-Msg-Id": m.ID, "Ce-Id": m.ID, "Ce-Type": m.Type, "Ce-Source": m.Source,
		"Ce-Time": m.Time.Format(time.RFC3339Nano), "Ce-Specversion": "1.0",
	}
	for k, v := range want {
		if got := raw.Header.Get(k); got != v {
			t.Errorf("header %s = %q, want %q", k, got, v)
		}
	}
	if tp := raw.Header.Get("traceparent"); !traceparentRE.MatchString(tp) {
		t.Errorf("traceparent %q is not a valid W3C header", tp)
	}
}

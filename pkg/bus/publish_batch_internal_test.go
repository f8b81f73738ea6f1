package bus

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/testenv"
)

// TestPublishBatchGivesUpOnAPubAckThatNeverComes publishes to a stream that sends no
// PubAcks (what a stream leader dying mid-flight looks like to the publisher): PublishBatch
// must return an error after its bound, so the outbox relay publishes again, instead of
// waiting forever (a fault drill caught the relay stuck this way).
func TestPublishBatchGivesUpOnAPubAckThatNeverComes(t *testing.T) {
	ctx := context.Background()
	c, err := Connect(ctx, testenv.NATSURL(t), t.Name(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	if _, err := c.JS.CreateStream(ctx, jetstream.StreamConfig{Name: "SILENT", Subjects: []string{"silent.>"}, NoAck: true}); err != nil {
		t.Fatal(err)
	}
	c.pubAckWait = 200 * time.Millisecond
	done := make(chan error, 1)
	go func() {
		n, err := c.PublishBatch(ctx, []Message{{ID: "m1", Subject: "silent.a", Type: "t", Data: []byte("{}")}})
		if n != 0 {
			t.Errorf("%d messages counted as stored without a PubAck", n)
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "no PubAck within") {
			t.Fatalf("error %v, want one saying no PubAck came", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("PublishBatch still waiting for a PubAck that never comes")
	}
}

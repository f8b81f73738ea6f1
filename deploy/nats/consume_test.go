package nats

import (
	"context"
	"testing"
	"time"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// TestAWorkerConsumesAndTheOperatorReads: the wallet drives its durable wallet-api over an
// event the api published, and the operator reads the consumer and the DLQ, all with the
// permissions of tickup.conf.
func TestAWorkerConsumesAndTheOperatorReads(t *testing.T) {
	url := startServer(t)
	api, _ := connect(t, url, "api")
	if err := api.EnsureStreams(context.Background(), events.Streams()...); err != nil {
		t.Fatalf("api cannot create the streams: %v", err)
	}
	publishEvent(t, api, events.TypePurchaseCreated)
	wallet, _ := connect(t, url, "wallet")
	got := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	spec := bus.ConsumerSpec{Stream: events.StreamAPI, Durable: "wallet-api", FilterSubjects: events.Filters(events.TypePurchaseCreated)}
	go func() {
		done <- wallet.Consume(ctx, spec, func(_ context.Context, b []bus.Delivery) error {
			got <- b[0].ID
			return nil
		})
	}()
	t.Cleanup(func() { cancel(); <-done })
	select {
	case id := <-got:
		if id != "e-1" {
			t.Errorf("wallet-api received %q, want e-1", id)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("wallet-api received nothing")
	}

	operator, _ := connect(t, url, "operator")
	if _, err := operator.DeadLetters(context.Background()); err != nil {
		t.Errorf("operator cannot read the DLQ: %v", err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := operator.JS.Consumer(context.Background(), events.StreamAPI, "wallet-api")
		if err != nil {
			t.Fatalf("operator cannot read wallet-api: %v", err)
		}
		if ci := c.CachedInfo(); ci.AckFloor.Stream == 1 && ci.NumAckPending == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("wallet-api never acknowledged e-1: %+v", c.CachedInfo())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

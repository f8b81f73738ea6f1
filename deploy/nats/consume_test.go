package nats

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// TestAWorkerConsumesAndTheOperatorReads: the wallet drives its durable wallet-api over an
// event the api published and dead-letters a message, and the operator lists and replays it
// and reads the consumer, all with the permissions of tickup.conf.
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
	deadLetter(t, wallet)
	if dls, err := operator.DeadLetters(context.Background()); err != nil || len(dls) != 1 {
		t.Errorf("operator reading the DLQ: %v (%v), want the wallet's dead letter", dls, err)
	}
	if _, err := operator.Replay(context.Background(), 1); err != nil {
		t.Errorf("operator cannot replay: %v", err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := operator.JS.Consumer(context.Background(), events.StreamAPI, "wallet-api")
		if err != nil {
			t.Fatalf("operator cannot read wallet-api: %v", err)
		}
		if ci := c.CachedInfo(); ci.AckFloor.Stream == 2 && ci.NumAckPending == 0 { // e-1 and its replay
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("wallet-api never acknowledged e-1 and its replay: %+v", c.CachedInfo())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// deadLetter parks a copy of e-1 in the DLQ as wallet-api would.
func deadLetter(t *testing.T, wallet *bus.Conn) {
	t.Helper()
	msg := nats.NewMsg(events.DLQSubject(events.StreamAPI, "wallet-api"))
	msg.Data = []byte(`{}`)
	msg.Header.Set(bus.HeaderOriginalSubject, events.TypePurchaseCreated.Subject("x"))
	msg.Header.Set(bus.HeaderOriginalMsgID, "e-1")
	msg.Header.Set(bus.HeaderType, events.TypePurchaseCreated.String())
	if _, err := wallet.JS.PublishMsg(context.Background(), msg); err != nil {
		t.Fatalf("wallet cannot dead-letter: %v", err)
	}
}

package nats

import (
	"context"
	"testing"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

// TestEveryDurableOfTheContractIsAllowed: each service's user may create and read every durable
// consumer the contract gives that service (events.Durables) and dead-letter its messages, so
// a durable added to the contract fails here until tickup.conf allows it.
func TestEveryDurableOfTheContractIsAllowed(t *testing.T) {
	url := startServer(t)
	ctx := context.Background()
	for service, durables := range events.Durables() {
		c, _ := connect(t, url, service)
		if err := c.EnsureStreams(ctx, events.Streams()...); err != nil {
			t.Fatalf("%s cannot ensure the streams: %v", service, err)
		}
		for _, d := range durables {
			spec := bus.ConsumerSpec{Stream: d.Stream, Durable: d.Name, FilterSubjects: streamSubjects(d.Stream)}
			if err := c.EnsureConsumer(ctx, spec); err != nil {
				t.Errorf("%s cannot create its durable %s on %s: %v", service, d.Name, d.Stream, err)
			}
			if _, err := c.JS.Publish(ctx, events.DLQSubject(d.Stream, d.Name), []byte(`{}`)); err != nil {
				t.Errorf("%s cannot dead-letter for %s: %v", service, d.Name, err)
			}
		}
	}
}

func streamSubjects(name string) []string {
	for _, s := range events.Streams() {
		if s.Name == name {
			return s.Subjects
		}
	}
	return nil
}

package bus_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
)

func TestEnsureTwiceIsFine(t *testing.T) {
	t.Parallel()
	c, _ := setup(t) // ensures the streams once
	ctx := context.Background()
	if err := c.EnsureStreams(ctx, events.Streams()...); err != nil {
		t.Fatalf("second EnsureStreams: %v", err)
	}
	specs := []bus.ConsumerSpec{
		{Stream: events.StreamAPI, Durable: "one-filter", FilterSubjects: events.Filters(events.TypePurchaseConfirmed)},
		{Stream: events.StreamAPI, Durable: "two-filters",
			FilterSubjects: events.Filters(events.TypePurchaseConfirmed, events.TypePurchaseFailed)},
		{Stream: events.StreamTicketing, Durable: "all", AckWait: 5 * time.Second, MaxDeliver: 4},
	}
	for _, spec := range specs {
		for range 2 {
			if err := c.EnsureConsumer(ctx, spec); err != nil {
				t.Fatalf("EnsureConsumer %s: %v", spec.Durable, err)
			}
		}
		info := consumerInfo(t, c, spec.Stream, spec.Durable)
		filters := info.Config.FilterSubjects
		if info.Config.FilterSubject != "" {
			filters = []string{info.Config.FilterSubject}
		}
		if !slices.Equal(filters, spec.FilterSubjects) {
			t.Errorf("%s filters = %v, want %v", spec.Durable, filters, spec.FilterSubjects)
		}
	}
	if cfg := consumerInfo(t, c, events.StreamTicketing, "all").Config; cfg.AckWait != 5*time.Second || cfg.MaxDeliver != 4 {
		t.Errorf("config not applied: ack wait %s, max deliver %d", cfg.AckWait, cfg.MaxDeliver)
	}
	for _, s := range events.Streams() {
		st, err := c.JS.Stream(ctx, s.Name)
		if err != nil {
			t.Fatalf("stream %s: %v", s.Name, err)
		}
		if cfg := st.CachedInfo().Config; cfg.Duplicates != 2*time.Minute || cfg.Storage.String() != "File" {
			t.Errorf("stream %s: duplicates %s storage %s", s.Name, cfg.Duplicates, cfg.Storage)
		}
		if cfg := st.CachedInfo().Config; cfg.MaxAge != s.MaxAge || cfg.MaxBytes != s.MaxBytes || cfg.MaxAge == 0 ||
			cfg.Discard != jetstream.DiscardNew {
			t.Errorf("stream %s: max age %s, max bytes %d, discard %s; want %s, %d, new", s.Name, cfg.MaxAge,
				cfg.MaxBytes, cfg.Discard, s.MaxAge, s.MaxBytes)
		}
	}
}

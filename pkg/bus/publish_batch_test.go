package bus_test

import (
	"context"
	"fmt"
	"testing"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/testenv"
)

func TestPublishBatchStoresInOrderAndDedupes(t *testing.T) {
	ctx := context.Background()
	conn, err := bus.Connect(ctx, testenv.NATSURL(t), t.Name(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.EnsureStreams(ctx, events.Stream{Name: "BATCH", Subjects: []string{"tickup.batch.>"}}); err != nil {
		t.Fatal(err)
	}
	msgs := make([]bus.Message, 300)
	for i := range msgs {
		msgs[i] = bus.Message{ID: fmt.Sprintf("m-%03d", i), Subject: "tickup.batch.x", Type: "tickup.batch.x", Data: []byte(fmt.Sprint(i))}
	}
	for range 2 { // the second round re-publishes every ID: nothing new is stored
		n, err := conn.PublishBatch(ctx, msgs)
		if err != nil || n != len(msgs) {
			t.Fatalf("PublishBatch = %d, %v; want %d, nil", n, err, len(msgs))
		}
	}
	stream, _ := conn.JS.Stream(ctx, "BATCH")
	info, _ := stream.Info(ctx)
	if info.State.Msgs != uint64(len(msgs)) {
		t.Fatalf("stream holds %d messages, want %d", info.State.Msgs, len(msgs))
	}
	for seq := uint64(1); seq <= info.State.LastSeq; seq++ {
		m, err := stream.GetMsg(ctx, seq)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprint(seq - 1); string(m.Data) != want {
			t.Fatalf("message %d holds %q, want %q: order lost", seq, m.Data, want)
		}
	}
	bad := []bus.Message{msgs[0], {ID: "", Subject: "tickup.batch.x", Type: "t"}, msgs[1]}
	if n, err := conn.PublishBatch(ctx, bad); err == nil || n != 1 {
		t.Fatalf("a batch with an invalid second message: %d, %v; want 1 and an error", n, err)
	}
}

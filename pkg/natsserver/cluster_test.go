package natsserver_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/natsserver"
	"tickup.dev/pkg/testenv"
)

// TestClusterKeepsStreamsWhenANodeDies creates Tickup's streams with three replicas, stops
// the API stream's leader and publishes again: the stream elects another leader.
func TestClusterKeepsStreamsWhenANodeDies(t *testing.T) {
	c, err := natsserver.StartCluster(t.TempDir(), 3)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Shutdown)
	ctx := context.Background()
	conn, err := bus.Connect(ctx, c.URL(), "cluster-test", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	retention := events.DefaultRetention()
	retention.Replicas = 3
	testenv.WaitFor(t, 30*time.Second, "streams with 3 replicas", func() error {
		return conn.EnsureStreams(ctx, events.StreamsWith(retention)...)
	})
	publish := func(id string) error {
		return conn.Publish(ctx, bus.Message{ID: id, Subject: events.TypePurchaseCreated.Subject(""), Type: events.TypePurchaseCreated.String(), Data: []byte(`{}`)})
	}
	if err := publish("m1"); err != nil {
		t.Fatal(err)
	}
	s, err := conn.JS.Stream(ctx, events.StreamAPI)
	if err != nil {
		t.Fatal(err)
	}
	info := s.CachedInfo()
	if info.Config.Replicas != 3 || info.Cluster == nil {
		t.Fatalf("stream config %+v cluster %+v: want 3 replicas", info.Config, info.Cluster)
	}
	for i, srv := range c.Servers {
		if srv.Name() == info.Cluster.Leader {
			c.Stop(i)
		}
	}
	testenv.WaitFor(t, 30*time.Second, "a publish after the leader died", func() error { return publish("m2") })
	testenv.WaitFor(t, 30*time.Second, "both messages kept", func() error {
		i, err := s.Info(ctx)
		if err != nil {
			return err
		}
		if i.State.Msgs != 2 {
			return fmt.Errorf("%d messages", i.State.Msgs)
		}
		return nil
	})
}

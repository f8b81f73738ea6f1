package rpc_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"tickup.dev/pkg/rpc"
	"tickup.dev/pkg/testenv"
)

func TestReplicasShareTheLoad(t *testing.T) {
	t.Parallel()
	url := testenv.NATSURL(t)
	client := connect(t, url)
	var replicas []*rpc.Service
	for range 2 {
		e := &env{client: client, svcConn: connect(t, url)}
		e.svc = newService(t, e.svcConn)
		handle(t, e, "get_pool", "tickup.rpc.test.pool.get", getPool)
		replicas = append(replicas, e.svc)
	}
	const calls = 60
	for range calls {
		if _, err := rpc.Call[poolReq, poolResp](context.Background(), client, "tickup.rpc.test.pool.get", poolReq{PoolID: "p"}); err != nil {
			t.Fatalf("call: %v", err)
		}
	}
	// Stats are counted after the reply is sent, so the last one may lag the reply.
	served := func(i int) int { return replicas[i].Stats().Endpoints[0].NumRequests }
	eventually(t, "all requests counted", func() bool { return served(0)+served(1) == calls })
	for i := range replicas {
		if served(i) == 0 {
			t.Errorf("replica %d served no request", i)
		}
	}
	checkDiscovery(t, client, replicas)
}

// checkDiscovery asks $SRV.INFO for the service, as `nats micro info` does, and expects
// an answer from every replica.
func checkDiscovery(t *testing.T, nc *nats.Conn, replicas []*rpc.Service) {
	t.Helper()
	subject, err := micro.ControlSubject(micro.InfoVerb, "tickup-test", "")
	if err != nil {
		t.Fatalf("control subject: %v", err)
	}
	inbox := nc.NewRespInbox()
	sub, err := nc.SubscribeSync(inbox)
	if err != nil {
		t.Fatalf("subscribe: %v", err)
	}
	defer func() { _ = sub.Unsubscribe() }()
	if err := nc.PublishRequest(subject, inbox, nil); err != nil {
		t.Fatalf("publish: %v", err)
	}
	ids := map[string]bool{}
	for range replicas {
		msg, err := sub.NextMsg(5 * time.Second)
		if err != nil {
			t.Fatalf("waiting for INFO replies (got %d): %v", len(ids), err)
		}
		var info micro.Info
		if err := json.Unmarshal(msg.Data, &info); err != nil {
			t.Fatalf("decode info: %v", err)
		}
		if len(info.Endpoints) != 1 || info.Endpoints[0].QueueGroup != "q" {
			t.Errorf("endpoints %+v, want one in the default queue group", info.Endpoints)
		}
		ids[info.ID] = true
	}
	for _, svc := range replicas {
		if !ids[svc.Info().ID] {
			t.Errorf("replica %s missing from discovery", svc.Info().ID)
		}
	}
}

func TestOneReplicaServesCallsConcurrently(t *testing.T) {
	nc := connect(t, testenv.NATSURL(t))
	svc, err := rpc.NewService(nc, "slow", "1.0.0", "slow calls")
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Stop()
	var inFlight, most atomic.Int32
	release := make(chan struct{})
	err = rpc.Handle(svc, nil, "wait", "tickup.rpc.slow.wait", func(ctx context.Context, _ struct{}) (struct{}, error) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		select {
		case <-release:
		case <-ctx.Done():
		}
		return struct{}{}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = nc.Flush()
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = rpc.Call[struct{}, struct{}](context.Background(), nc, "tickup.rpc.slow.wait", struct{}{})
		}()
	}
	testenv.WaitFor(t, 5*time.Second, "five calls in flight at once", func() error {
		if n := inFlight.Load(); n < 5 {
			return fmt.Errorf("%d in flight", n)
		}
		return nil
	})
	close(release)
	wg.Wait()
	if most.Load() < 5 {
		t.Fatalf("at most %d calls ran at once, want 5", most.Load())
	}
}

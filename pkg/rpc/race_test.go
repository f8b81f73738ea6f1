package rpc_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"

	"tickup.dev/pkg/rpc"
)

// TestConcurrentRepliesDoNotRaceWithMicro answers many calls, half of them with a problem,
// while micro may still be finishing its handler: under -race this fails if a reply touches
// the request state micro reads once its handler returns.
func TestConcurrentRepliesDoNotRaceWithMicro(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	handle(t, e, "flaky", "tickup.rpc.test.flaky", func(ctx context.Context, req poolReq) (poolResp, error) {
		if req.PoolID == "bad" {
			return poolResp{}, rpc.NewProblem(http.StatusConflict, "https://tickup.dev/problems/test", "Refused", "bad pool")
		}
		return poolResp{PoolID: req.PoolID}, nil
	})
	const calls = 2000
	var wg sync.WaitGroup
	errs := make(chan error, calls)
	for i := range calls {
		wg.Go(func() {
			id := "good"
			if i%2 == 0 {
				id = "bad"
			}
			resp, err := rpc.Call[poolReq, poolResp](context.Background(), e.client, "tickup.rpc.test.flaky", poolReq{PoolID: id})
			var p *rpc.Problem
			switch {
			case id == "bad" && !(errors.As(err, &p) && p.Status == http.StatusConflict):
				errs <- errors.New("bad call: want a 409 problem, got " + errString(err))
			case id == "good" && (err != nil || resp.PoolID != "good"):
				errs <- errors.New("good call: " + errString(err))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// micro still counts every request (its statistics are served by `nats micro stats`).
	eventually(t, "every request counted", func() bool { return e.svc.Stats().Endpoints[0].NumRequests == calls })
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

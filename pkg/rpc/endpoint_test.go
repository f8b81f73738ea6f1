package rpc_test

import (
	"context"
	"testing"

	"tickup.dev/pkg/rpc"
)

func TestEndpointServeAndBind(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	get := rpc.Endpoint[poolReq, poolResp]{Name: "get_pool", Subject: "tickup.rpc.test.endpoint.pool.get"}
	if err := rpc.Serve(e.svc, get, getPool); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if err := e.svcConn.Flush(); err != nil {
		t.Fatalf("flush: %v", err)
	}
	got, err := get.Bind(e.client)(context.Background(), poolReq{PoolID: "p2"})
	if want := (poolResp{PoolID: "p2", PriceCents: 500, HasDeadline: true}); err != nil || got != want {
		t.Fatalf("got %+v, %v; want %+v", got, err, want)
	}
}

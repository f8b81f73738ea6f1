package rpc_test

import (
	"github.com/jackc/pgx/v5/pgconn"

	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	"tickup.dev/pkg/rpc"
)

type poolReq struct {
	PoolID string `json:"pool_id"`
}

type poolResp struct {
	PoolID      string `json:"pool_id"`
	PriceCents  int64  `json:"price_cents"`
	HasDeadline bool   `json:"has_deadline"`
}

func getPool(ctx context.Context, req poolReq) (poolResp, error) {
	_, ok := ctx.Deadline()
	return poolResp{PoolID: req.PoolID, PriceCents: 500, HasDeadline: ok}, nil
}

func TestCallRoundTrip(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	group := e.svc.AddGroup("tickup.rpc.test")
	if err := rpc.Handle(e.svc, group, "get_pool", "pool.get", getPool); err != nil {
		t.Fatalf("handle: %v", err)
	}
	if err := e.svcConn.Flush(); err != nil {
		t.Fatalf("flush: %v", err)
	}
	got, err := rpc.Call[poolReq, poolResp](context.Background(), e.client, "tickup.rpc.test.pool.get", poolReq{PoolID: "p1"})
	if err != nil {
		t.Fatalf("call: %v", err)
	}
	if want := (poolResp{PoolID: "p1", PriceCents: 500, HasDeadline: true}); got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestErrorsBecomeProblems(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	notFound := &rpc.Problem{Type: "https://tickup.dev/problems/not-found", Title: "Not found",
		Status: http.StatusNotFound, Detail: "no pool p9", Errors: map[string]string{"pool_id": "unknown"}}
	logs := &logBuf{}
	handlers := map[string]func(context.Context, poolReq) (poolResp, error){
		"problem": func(context.Context, poolReq) (poolResp, error) { return poolResp{}, notFound },
		"wrapped": func(context.Context, poolReq) (poolResp, error) {
			return poolResp{}, fmt.Errorf("load pool: %w", notFound)
		},
		"plain": func(context.Context, poolReq) (poolResp, error) {
			return poolResp{}, errors.New("pq: relation ticketing.secret_table")
		},
		"panic": func(context.Context, poolReq) (poolResp, error) { panic("secret_table exploded") },
		"dbdown": func(context.Context, poolReq) (poolResp, error) {
			return poolResp{}, fmt.Errorf("load pool: %w", &pgconn.PgError{Code: "57P01", Message: "secret_table: terminating connection"})
		},
	}
	for name, fn := range handlers {
		handle(t, e, name, "tickup.rpc.test."+name, fn, rpc.WithLogger(logs.logger()))
	}
	tests := []struct {
		name string
		want *rpc.Problem
	}{
		{"problem", notFound},
		{"wrapped", notFound},
		{"plain", &rpc.Problem{Type: rpc.TypeInternal, Title: "Internal server error", Status: 500}},
		{"panic", &rpc.Problem{Type: rpc.TypeInternal, Title: "Internal server error", Status: 500}},
		{"dbdown", &rpc.Problem{Type: rpc.TypeUnavailable, Title: "Service unavailable", Status: 503,
			Detail: "The service's database is unavailable; try again shortly."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rpc.Call[poolReq, poolResp](context.Background(), e.client, "tickup.rpc.test."+tt.name, poolReq{})
			var p *rpc.Problem
			if !errors.As(err, &p) {
				t.Fatalf("err %v is not a *Problem", err)
			}
			if p.Type != tt.want.Type || p.Title != tt.want.Title || p.Status != tt.want.Status ||
				p.Detail != tt.want.Detail || !maps.Equal(p.Errors, tt.want.Errors) {
				t.Fatalf("problem %+v, want %+v", p, tt.want)
			}
			if strings.Contains(err.Error(), "secret_table") {
				t.Fatalf("internal error leaked to the caller: %v", err)
			}
		})
	}
	if !strings.Contains(logs.String(), "secret_table") {
		t.Fatalf("unexpected errors were not logged:\n%s", logs.String())
	}
}

func TestMalformedRequestIs400(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	handle(t, e, "get_pool", "tickup.rpc.test.pool.get", getPool)
	_, err := rpc.Call[string, poolResp](context.Background(), e.client, "tickup.rpc.test.pool.get", "not an object")
	var p *rpc.Problem
	if !errors.As(err, &p) || p.Status != http.StatusBadRequest || p.Type != rpc.TypeMalformedJSON {
		t.Fatalf("got %v, want a 400 malformed-json problem", err)
	}
}

func TestUnavailable(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	slow := func(ctx context.Context, _ poolReq) (poolResp, error) {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return poolResp{}, nil
	}
	handle(t, e, "slow", "tickup.rpc.test.slow", slow, rpc.WithLogger(discard()))
	_, err := rpc.Call[poolReq, poolResp](context.Background(), e.client, "tickup.rpc.test.nobody", poolReq{})
	if !errors.Is(err, rpc.ErrUnavailable) {
		t.Fatalf("no responders: got %v, want ErrUnavailable", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err = rpc.Call[poolReq, poolResp](ctx, e.client, "tickup.rpc.test.slow", poolReq{})
	if !errors.Is(err, rpc.ErrUnavailable) {
		t.Fatalf("timeout: got %v, want ErrUnavailable", err)
	}
	var p *rpc.Problem
	if errors.As(err, &p) {
		t.Fatalf("timeout reported as a problem: %v", p)
	}
}

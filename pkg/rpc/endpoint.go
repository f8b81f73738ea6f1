package rpc

import (
	"context"

	"github.com/nats-io/nats.go"
)

// Endpoint describes one request/reply endpoint of a service's contract: the name it has
// in NATS micro, the subject it answers on, and (as type parameters) the bodies of its
// request and its answer. The caller's Call and the handler's Serve both take it, so the
// two sides cannot disagree on the subject or the shapes. Contracts declare them in
// pkg/contract.
type Endpoint[Req, Resp any] struct {
	Name    string // micro endpoint name, e.g. "pool_get"
	Subject string // e.g. "tickup.rpc.ticketing.pool.get"
}

// Call sends req to the endpoint over nc (see the package function Call).
func (e Endpoint[Req, Resp]) Call(ctx context.Context, nc *nats.Conn, req Req) (Resp, error) {
	return Call[Req, Resp](ctx, nc, e.Subject, req)
}

// Serve registers fn as the endpoint's handler on svc (see Handle).
func Serve[Req, Resp any](svc *Service, e Endpoint[Req, Resp], fn func(ctx context.Context, req Req) (Resp, error), opts ...Option) error {
	return Handle(svc, nil, e.Name, e.Subject, fn, opts...)
}

// Bind returns the endpoint's Call over nc as a plain function, for code that forwards a
// request as it is (the gateway's routes).
func (e Endpoint[Req, Resp]) Bind(nc *nats.Conn) func(ctx context.Context, req Req) (Resp, error) {
	return func(ctx context.Context, req Req) (Resp, error) { return e.Call(ctx, nc, req) }
}

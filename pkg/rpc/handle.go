package rpc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"tickup.dev/pkg/db"
)

// DefaultHandlerTimeout bounds a handler's context unless WithTimeout says otherwise.
const DefaultHandlerTimeout = 5 * time.Second

// Option tunes an endpoint registered with Handle.
type Option func(*endpoint)

// WithTimeout sets the deadline of the context each handler call receives.
func WithTimeout(d time.Duration) Option { return func(e *endpoint) { e.timeout = d } }

// DefaultConcurrency is how many calls of one endpoint a replica serves at once.
const DefaultConcurrency = 64

// WithConcurrency sets how many calls of the endpoint one replica serves at once; further
// requests wait in NATS (backpressure) rather than time out behind one slow call.
func WithConcurrency(n int) Option {
	return func(e *endpoint) { e.slots = make(chan struct{}, max(n, 1)) }
}

// WithLogger sets where unexpected handler errors are logged (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(e *endpoint) { e.log = l } }

type endpoint struct {
	timeout time.Duration
	log     *slog.Logger
	slots   chan struct{} // one token per call in progress
}

// Handle registers fn as endpoint name on subject, in group when it is not nil. Requests
// are JSON-decoded into Req (malformed → 400 problem) and fn's Resp is JSON-encoded. A
// *Problem error is returned as is; any other error is logged and answered with a 500
// problem that does not reveal it.
func Handle[Req, Resp any](svc *Service, group micro.Group, name, subject string,
	fn func(ctx context.Context, req Req) (Resp, error), opts ...Option) error {
	e := &endpoint{timeout: DefaultHandlerTimeout, log: slog.Default(), slots: make(chan struct{}, DefaultConcurrency)}
	for _, o := range opts {
		o(e)
	}
	// micro calls a handler from the subscription's single goroutine and reads the request's
	// state once the handler returns, so a request must not be answered after that. Each call
	// is served on its own goroutine (one slow call does not hold up the ones behind it) from a
	// copy of the message, and answered on the connection, never through micro.Request.
	h := micro.HandlerFunc(func(r micro.Request) {
		call := &nats.Msg{Subject: r.Subject(), Reply: r.Reply(), Data: r.Data()}
		e.slots <- struct{}{}
		go func() {
			defer func() { <-e.slots }()
			serve(e, svc.nc, call, fn)
		}()
	})
	var err error
	if group != nil {
		err = group.AddEndpoint(name, h, micro.WithEndpointSubject(subject))
	} else {
		err = svc.AddEndpoint(name, h, micro.WithEndpointSubject(subject))
	}
	if err != nil {
		return fmt.Errorf("add endpoint %s on %s: %w", name, subject, err)
	}
	return nil
}

func serve[Req, Resp any](e *endpoint, nc *nats.Conn, call *nats.Msg, fn func(context.Context, Req) (Resp, error)) {
	var req Req
	if err := decode(call.Data, &req); err != nil {
		e.respondProblem(nc, call, NewProblem(http.StatusBadRequest, TypeMalformedJSON, "Malformed JSON", err.Error()))
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), e.timeout)
	defer cancel()
	resp, err := invoke(ctx, fn, req)
	if err != nil {
		e.respondError(nc, call, err)
		return
	}
	body, err := json.Marshal(resp)
	if err != nil {
		e.log.Error("rpc encode response", "subject", call.Subject, "err", err)
		e.respondProblem(nc, call, internalProblem())
		return
	}
	e.reply(nc, call, &nats.Msg{Data: body})
}

// decode reads a JSON request; an empty body leaves req at its zero value.
func decode(data []byte, req any) error {
	if len(data) == 0 {
		return nil
	}
	return json.Unmarshal(data, req)
}

// invoke calls fn, turning a panic into an error so one bad request cannot kill the process.
func invoke[Req, Resp any](ctx context.Context, fn func(context.Context, Req) (Resp, error), req Req) (resp Resp, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rpc handler panic: %v", p)
		}
	}()
	return fn(ctx, req)
}

func (e *endpoint) respondError(nc *nats.Conn, call *nats.Msg, err error) {
	var p *Problem
	switch {
	case errors.As(err, &p) && p != nil:
	case db.Unavailable(err):
		e.log.Warn("rpc handler: database unavailable", "subject", call.Subject, "err", err)
		p = NewProblem(http.StatusServiceUnavailable, TypeUnavailable, "Service unavailable",
			"The service's database is unavailable; try again shortly.")
	default:
		e.log.Error("rpc handler failed", "subject", call.Subject, "err", err)
		p = internalProblem()
	}
	e.respondProblem(nc, call, p)
}

// respondProblem answers with micro's error headers, so `nats micro` clients and Call
// both read it as a service error.
func (e *endpoint) respondProblem(nc *nats.Conn, call *nats.Msg, p *Problem) {
	p = p.normalized()
	body, err := json.Marshal(p)
	if err != nil {
		e.log.Error("rpc encode problem", "subject", call.Subject, "err", err)
		body = nil
	}
	e.reply(nc, call, &nats.Msg{Data: body, Header: nats.Header{
		micro.ErrorHeader:     {p.Title},
		micro.ErrorCodeHeader: {strconv.Itoa(p.Status)},
		"Content-Type":        {ContentType},
	}})
}

func (e *endpoint) reply(nc *nats.Conn, call *nats.Msg, msg *nats.Msg) {
	if call.Reply == "" {
		return // a publish, not a request: nobody waits for an answer
	}
	msg.Subject = call.Reply
	if err := nc.PublishMsg(msg); err != nil {
		e.log.Error("rpc respond failed", "subject", call.Subject, "err", err)
	}
}

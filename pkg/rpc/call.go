package rpc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"
)

// DefaultCallTimeout applies to a Call whose context has no deadline.
const DefaultCallTimeout = 5 * time.Second

// ErrUnavailable says no instance answered in time: none is running, or all are too slow.
var ErrUnavailable = errors.New("rpc: service unavailable")

// Call sends req as JSON to subject and decodes the reply into Resp. A refusal comes back
// as an error wrapping the handler's *Problem (use errors.As); no responder or no reply
// in time as an error wrapping ErrUnavailable.
func Call[Req, Resp any](ctx context.Context, nc *nats.Conn, subject string, req Req) (Resp, error) {
	var resp Resp
	data, err := json.Marshal(req)
	if err != nil {
		return resp, fmt.Errorf("call %s: encode request: %w", subject, err)
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultCallTimeout)
		defer cancel()
	}
	msg, err := nc.RequestWithContext(ctx, subject, data)
	if err != nil {
		return resp, callError(subject, err)
	}
	if code := msg.Header.Get(micro.ErrorCodeHeader); code != "" {
		return resp, fmt.Errorf("call %s: %w", subject, problemFrom(msg, code))
	}
	if err := json.Unmarshal(msg.Data, &resp); err != nil {
		return resp, fmt.Errorf("call %s: decode response: %w", subject, err)
	}
	return resp, nil
}

func callError(subject string, err error) error {
	switch {
	case errors.Is(err, nats.ErrNoResponders), errors.Is(err, nats.ErrTimeout),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, nats.ErrConnectionClosed),
		errors.Is(err, nats.ErrConnectionDraining):
		return fmt.Errorf("call %s: %w: %w", subject, ErrUnavailable, err)
	}
	return fmt.Errorf("call %s: %w", subject, err)
}

// problemFrom decodes a micro error reply; a body that is not a problem (another
// micro service's error) is rebuilt from the error headers.
func problemFrom(msg *nats.Msg, code string) *Problem {
	var p Problem
	if err := json.Unmarshal(msg.Data, &p); err == nil && p.Status != 0 {
		return &p
	}
	status, _ := strconv.Atoi(code)
	return NewProblem(status, "", msg.Header.Get(micro.ErrorHeader), "")
}

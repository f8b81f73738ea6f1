// Package bus carries Tickup events over NATS JetStream: streams, publishing with
// de-duplication and CloudEvents headers, and batched pull consumers with retry and DLQ.
package bus

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

const (
	drainTimeout   = 10 * time.Second
	reconnectWait  = time.Second
	connectTimeout = 5 * time.Second
)

// Conn is a named, reconnecting NATS connection with its JetStream context.
type Conn struct {
	NC     *nats.Conn
	JS     jetstream.JetStream
	log    *slog.Logger
	closed chan struct{}
	// pubAckWait bounds PublishBatch's wait for its PubAcks (default pubAckWait).
	pubAckWait time.Duration
}

// ConnectOption adds a NATS client option to Connect, such as UserInfo.
type ConnectOption = nats.Option

// UserInfo logs in as user with password; an empty user connects anonymously.
func UserInfo(user, password string) ConnectOption {
	if user == "" {
		return func(*nats.Options) error { return nil }
	}
	return nats.UserInfo(user, password)
}

// Connect dials url as client name and reconnects forever once connected. A nil log
// discards the connection's logs.
func Connect(ctx context.Context, url, name string, log *slog.Logger, opts ...ConnectOption) (*Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("connect to nats as %s: %w", name, err)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Conn{log: log.With("component", "bus", "client", name), closed: make(chan struct{}), pubAckWait: pubAckWait}
	nc, err := nats.Connect(url, append(c.options(ctx, name), opts...)...)
	if err != nil {
		return nil, fmt.Errorf("connect to nats %s as %s: %w", url, name, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream for %s: %w", name, err)
	}
	c.NC, c.JS = nc, js
	return c, nil
}

func (c *Conn) options(ctx context.Context, name string) []nats.Option {
	timeout := connectTimeout
	if d, ok := ctx.Deadline(); ok {
		timeout = min(timeout, time.Until(d))
	}
	var once sync.Once
	return []nats.Option{
		nats.Name(name),
		nats.Timeout(timeout),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(reconnectWait),
		nats.DrainTimeout(drainTimeout),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err == nil { // our own Close: nothing went wrong
				c.log.Debug("nats disconnected")
				return
			}
			c.log.Warn("nats disconnected", "err", err)
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			c.log.Info("nats reconnected", "url", nc.ConnectedUrlRedacted())
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			c.log.Error("nats async error", "err", err)
		}),
		nats.ClosedHandler(func(*nats.Conn) { once.Do(func() { close(c.closed) }) }),
	}
}

// Close drains the connection: subscriptions finish their pending messages and
// buffered publishes are flushed before the connection closes.
func (c *Conn) Close() {
	if err := c.NC.Drain(); err != nil {
		c.NC.Close()
	}
	select {
	case <-c.closed:
	case <-time.After(drainTimeout + time.Second):
		c.NC.Close()
	}
}

package bus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// pubAckWait bounds the wait for a batch's PubAcks: a PubAck lost with a stream leader that
// died mid-flight never arrives, and the caller must publish again (the messages' ids make
// that safe) rather than wait forever.
const pubAckWait = 10 * time.Second

// PublishBatch publishes msgs in order without waiting for each PubAck, then waits (at most
// pubAckWait) for all of them. It returns how many leading messages are known to be stored: the count stops at
// the first failure, so a caller that publishes again from there keeps the order (messages
// after the failure that were stored anyway are dropped as duplicates by their IDs).
func (c *Conn) PublishBatch(ctx context.Context, msgs []Message) (int, error) {
	futures := make([]jetstream.PubAckFuture, 0, len(msgs))
	var sendErr error
	for _, m := range msgs {
		nm, err := m.natsMsg()
		if err != nil {
			sendErr = fmt.Errorf("publish %s: %w", m.Subject, err)
			break
		}
		f, err := c.JS.PublishMsgAsync(nm)
		if err != nil {
			sendErr = fmt.Errorf("publish %s id %s: %w", m.Subject, m.ID, err)
			break
		}
		futures = append(futures, f)
	}
	deadline := time.NewTimer(c.pubAckWait)
	defer deadline.Stop()
	for i, f := range futures {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			return i, fmt.Errorf("publish %s id %s: %w", msgs[i].Subject, msgs[i].ID, err)
		case <-deadline.C:
			return i, fmt.Errorf("publish %s id %s: no PubAck within %s", msgs[i].Subject, msgs[i].ID, c.pubAckWait)
		case <-ctx.Done():
			return i, fmt.Errorf("publish batch: %w", ctx.Err())
		}
	}
	return len(futures), sendErr
}

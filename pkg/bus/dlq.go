package bus

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"

	"tickup.dev/pkg/contract/events"

	"tickup.dev/pkg/tracing"
)

// Headers added to a message moved to the DLQ stream.
const (
	HeaderDLQReason       = "Tickup-Dlq-Reason"
	HeaderOriginalSubject = "Tickup-Original-Subject"
	HeaderOriginalMsgID   = "Tickup-Original-Msg-Id"
	HeaderConsumer        = "Tickup-Consumer"
	HeaderDeliveries      = "Tickup-Deliveries"
)

const (
	dlqAttempts     = 3
	dlqTimeout      = 5 * time.Second
	maxReasonLength = 1024
)

// deadLetter stores a copy of d in the DLQ stream, then terminates d. If the copy cannot
// be stored the message is not terminated: it stays in its stream rather than vanish.
func (w *consumer) deadLetter(ctx context.Context, d Delivery, reason error) {
	msg := w.dlqMsg(d, reason)
	if err := w.publishDLQ(ctx, msg); err != nil {
		w.log.Error("dead-letter failed; message left unacknowledged", "id", d.ID,
			"subject", d.Subject, "deliveries", d.NumDelivered, "reason", reason, "err", err)
		w.retry(ctx, d, reason)
		return
	}
	if err := d.msg.TermWithReason("moved to " + msg.Subject); err != nil {
		w.log.Warn("term failed after dead-letter", "id", d.ID, "err", err)
	}
	w.log.ErrorContext(tracing.Extract(ctx, d.Traceparent), "message dead-lettered", "id", d.ID, "subject", d.Subject, "type", d.Type,
		"deliveries", d.NumDelivered, "dlq_subject", msg.Subject, "reason", reason)
}

func (w *consumer) dlqMsg(d Delivery, reason error) *nats.Msg {
	msg := nats.NewMsg(events.DLQSubject(w.spec.Stream, w.spec.Durable))
	msg.Data = d.Data
	for k, v := range d.msg.Headers() {
		if !strings.HasPrefix(k, "Nats-") { // server directives must not apply to the copy
			msg.Header[k] = v
		}
	}
	msg.Header.Set(nats.MsgIdHdr, w.spec.Durable+":"+d.ID) // a second dead-letter dedupes
	msg.Header.Set(HeaderDLQReason, headerText(reason.Error()))
	msg.Header.Set(HeaderOriginalSubject, d.Subject)
	msg.Header.Set(HeaderOriginalMsgID, d.ID)
	msg.Header.Set(HeaderConsumer, w.spec.Durable)
	msg.Header.Set(HeaderDeliveries, strconv.FormatUint(d.NumDelivered, 10))
	return msg
}

func (w *consumer) publishDLQ(ctx context.Context, msg *nats.Msg) error {
	var err error
	for attempt := range dlqAttempts {
		if attempt > 0 {
			pause(ctx, time.Duration(attempt)*200*time.Millisecond)
		}
		actx, cancel := context.WithTimeout(ctx, dlqTimeout)
		_, err = w.conn.JS.PublishMsg(actx, msg)
		cancel()
		if err == nil {
			return nil
		}
	}
	return fmt.Errorf("publish to %s: %w", msg.Subject, err)
}

// headerText keeps a value on one header line and within a sane length.
func headerText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxReasonLength {
		s = strings.ToValidUTF8(s[:maxReasonLength], "")
	}
	return s
}

package bus

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/contract/events"
)

// HeaderReplayOf marks a message republished from the DLQ: the DLQ sequence it came from.
const HeaderReplayOf = "Tickup-Replay-Of"

// dlqOnly are the headers that describe a dead letter, not the event: a replay drops them.
var dlqOnly = []string{HeaderDLQReason, HeaderOriginalSubject, HeaderOriginalMsgID,
	HeaderConsumer, HeaderDeliveries, HeaderReplayOf}

// Replay republishes the dead letter at seq to its original subject, body and headers as
// they were, then removes it from the DLQ. Every consumer of that subject receives it again
// and its inbox decides: one that already handled the message skips it, so a replay of
// something that took effect changes nothing.
//
// The copy carries the original id as Ce-Id and no Nats-Msg-Id: inside JetStream's
// duplicate window a publish with the original Nats-Msg-Id would be dropped, while
// consumers key their inbox on Ce-Id when Nats-Msg-Id is absent (see messageFrom).
func (c *Conn) Replay(ctx context.Context, seq uint64) (DeadLetter, error) {
	raw, err := c.deadLetterMsg(ctx, seq)
	if err != nil {
		return DeadLetter{}, err
	}
	dl := deadLetterFrom(raw)
	if dl.Subject == "" || dl.ID == "" {
		return dl, fmt.Errorf("dead letter %d names no original subject or message id", seq)
	}
	if _, err := c.JS.PublishMsg(ctx, replayMsg(raw, dl)); err != nil {
		return dl, fmt.Errorf("replay dead letter %d to %s: %w", seq, dl.Subject, err)
	}
	s, err := c.JS.Stream(ctx, events.StreamDLQ)
	if err == nil {
		err = s.DeleteMsg(ctx, seq)
	}
	if err != nil { // replayed all the same; a second replay is absorbed by the inboxes
		return dl, fmt.Errorf("dead letter %d replayed but not removed from the DLQ: %w", seq, err)
	}
	return dl, nil
}

func replayMsg(raw *jetstream.RawStreamMsg, dl DeadLetter) *nats.Msg {
	msg := nats.NewMsg(dl.Subject)
	msg.Data = raw.Data
	for k, v := range raw.Header {
		if !strings.HasPrefix(k, "Nats-") {
			msg.Header[k] = v
		}
	}
	for _, k := range dlqOnly {
		msg.Header.Del(k)
	}
	msg.Header.Set(HeaderID, dl.ID)
	msg.Header.Set(HeaderReplayOf, strconv.FormatUint(dl.Seq, 10))
	return msg
}

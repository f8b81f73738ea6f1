package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
)

// Header names written on every event (CloudEvents binary mode plus W3C trace context).
const (
	HeaderMsgID       = nats.MsgIdHdr // "Nats-Msg-Id": JetStream de-duplication key
	HeaderID          = "Ce-Id"
	HeaderType        = "Ce-Type"
	HeaderSource      = "Ce-Source"
	HeaderTime        = "Ce-Time"
	HeaderSpecVersion = "Ce-Specversion"
	HeaderTraceparent = "traceparent"
)

// defaultSource is the CloudEvents source used when a message names none.
const defaultSource = "/tickup"

// Message is one event as it travels on the bus.
type Message struct {
	ID          string // event id; JetStream drops a second publish of it
	Subject     string
	Type        string // CloudEvents type
	Source      string // CloudEvents source
	Time        time.Time
	Traceparent string // W3C trace context; a fresh one is made when empty
	Data        []byte
}

// Publish stores m in its stream and waits for the PubAck. Publishing the same ID again
// within the duplicate window is acknowledged without storing a second copy.
func (c *Conn) Publish(ctx context.Context, m Message) error {
	msg, err := m.natsMsg()
	if err != nil {
		return fmt.Errorf("publish %s: %w", m.Subject, err)
	}
	ack, err := c.JS.PublishMsg(ctx, msg)
	if err != nil {
		return fmt.Errorf("publish %s id %s: %w", m.Subject, m.ID, err)
	}
	if ack.Duplicate {
		c.log.Debug("duplicate publish dropped", "subject", m.Subject, "id", m.ID)
	}
	return nil
}

func (m Message) natsMsg() (*nats.Msg, error) {
	if m.ID == "" || m.Subject == "" || m.Type == "" {
		return nil, errors.New("message needs an id, a subject and a type")
	}
	if m.Time.IsZero() {
		m.Time = time.Now()
	}
	if m.Source == "" {
		m.Source = defaultSource
	}
	if m.Traceparent == "" {
		m.Traceparent = newTraceparent()
	}
	msg := nats.NewMsg(m.Subject)
	msg.Data = m.Data
	msg.Header.Set(HeaderMsgID, m.ID)
	msg.Header.Set(HeaderID, m.ID)
	msg.Header.Set(HeaderType, m.Type)
	msg.Header.Set(HeaderSource, m.Source)
	msg.Header.Set(HeaderTime, m.Time.UTC().Format(time.RFC3339Nano))
	msg.Header.Set(HeaderSpecVersion, "1.0")
	msg.Header.Set(HeaderTraceparent, m.Traceparent)
	return msg, nil
}

// messageFrom rebuilds a Message from a received subject, headers and body.
func messageFrom(subject string, h nats.Header, data []byte) Message {
	m := Message{
		ID:          h.Get(HeaderMsgID),
		Subject:     subject,
		Type:        h.Get(HeaderType),
		Source:      h.Get(HeaderSource),
		Traceparent: h.Get(HeaderTraceparent),
		Data:        data,
	}
	if m.ID == "" {
		m.ID = h.Get(HeaderID)
	}
	if t, err := time.Parse(time.RFC3339Nano, h.Get(HeaderTime)); err == nil {
		m.Time = t
	}
	return m
}

package outbox

import (
	"context"
	"fmt"

	"tickup.dev/pkg/bus"
)

// publishPending publishes unpublished rows in sequence order until none are left. Rows are
// marked only after their PubAck; a crash in between re-publishes them under the same
// Nats-Msg-Id, which the stream's duplicate window and the consumers' inboxes absorb.
func (r *Relay) publishPending(ctx context.Context) error {
	for {
		var rows []row
		err := r.DB.WithContext(ctx).Table("outbox").Where("published_at IS NULL").
			Order("seq").Limit(r.Batch).Find(&rows).Error
		if err != nil {
			return fmt.Errorf("read outbox: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		done, pubErr := r.publishRows(ctx, rows)
		if err := r.markPublished(ctx, done); err != nil {
			return err
		}
		if pubErr != nil {
			return pubErr
		}
	}
}

// BatchPublisher publishes many messages without waiting for each acknowledgement and says
// how many leading ones are stored; the relay uses it when the publisher offers it.
type BatchPublisher interface {
	PublishBatch(ctx context.Context, msgs []bus.Message) (int, error)
}

func (r *Relay) publishRows(ctx context.Context, rows []row) ([]int64, error) {
	msgs := make([]bus.Message, len(rows))
	for i, rw := range rows {
		msgs[i] = bus.Message{
			ID: rw.EventID.String(), Subject: rw.Subject, Type: rw.EventType, Source: r.Source,
			Time: rw.CreatedAt, Traceparent: rw.Traceparent, Data: rw.Payload,
		}
	}
	n, err := r.publish(ctx, msgs)
	if r.Published != nil {
		for _, m := range msgs[:n] {
			r.Published.WithLabelValues(m.Type).Inc()
		}
	}
	done := make([]int64, n)
	for i := range n {
		done[i] = rows[i].Seq
	}
	if err != nil && n < len(rows) {
		return done, fmt.Errorf("publish outbox row %d (%s): %w", rows[n].Seq, rows[n].EventType, err)
	}
	if err != nil {
		return done, fmt.Errorf("publish outbox rows: %w", err)
	}
	return done, nil
}

func (r *Relay) publish(ctx context.Context, msgs []bus.Message) (int, error) {
	if bp, ok := r.Pub.(BatchPublisher); ok {
		return bp.PublishBatch(ctx, msgs)
	}
	for i, m := range msgs {
		if err := r.Pub.Publish(ctx, m); err != nil {
			return i, err
		}
	}
	return len(msgs), nil
}

func (r *Relay) markPublished(ctx context.Context, seqs []int64) error {
	if len(seqs) == 0 {
		return nil
	}
	err := r.DB.WithContext(context.WithoutCancel(ctx)).Exec(`UPDATE outbox SET published_at = now() WHERE seq IN ?`, seqs).Error
	if err != nil {
		return fmt.Errorf("mark %d outbox rows published: %w", len(seqs), err)
	}
	return nil
}

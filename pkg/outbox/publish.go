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

func (r *Relay) publishRows(ctx context.Context, rows []row) ([]int64, error) {
	done := make([]int64, 0, len(rows))
	for _, rw := range rows {
		err := r.Pub.Publish(ctx, bus.Message{
			ID: rw.EventID.String(), Subject: rw.Subject, Type: rw.EventType, Source: r.Source,
			Time: rw.CreatedAt, Traceparent: rw.Traceparent, Data: rw.Payload,
		})
		if err != nil {
			return done, fmt.Errorf("publish outbox row %d (%s): %w", rw.Seq, rw.EventType, err)
		}
		done = append(done, rw.Seq)
	}
	return done, nil
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

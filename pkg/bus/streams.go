package bus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tickup.dev/pkg/contract/events"
)

// duplicateWindow is how long JetStream remembers a Nats-Msg-Id to drop a re-publish.
const duplicateWindow = 2 * time.Minute

// EnsureStreams creates or updates the given streams (file storage, 2-minute duplicate
// window, the stream's MaxAge and MaxBytes). A full stream refuses new messages rather than
// dropping old ones nobody may have consumed yet: the outbox keeps the rows and retries,
// and a dead letter stays in its stream. It is idempotent, so every service and replica
// calls it at start-up. A server older than 2.10 is refused before any stream exists.
func (c *Conn) EnsureStreams(ctx context.Context, streams ...events.Stream) error {
	if err := c.requireServerVersion(); err != nil {
		return err
	}
	for _, s := range streams {
		cfg := jetstream.StreamConfig{
			Name:       s.Name,
			Subjects:   s.Subjects,
			Storage:    jetstream.FileStorage,
			Retention:  jetstream.LimitsPolicy,
			Duplicates: duplicateWindow,
			MaxAge:     s.MaxAge,
			MaxBytes:   s.MaxBytes,
			Discard:    jetstream.DiscardNew,
			Replicas:   max(s.Replicas, 1),
		}
		if cfg.MaxBytes == 0 {
			cfg.MaxBytes = -1 // JetStream's "no limit"
		}
		if _, err := c.JS.CreateOrUpdateStream(ctx, cfg); err != nil {
			return fmt.Errorf("ensure stream %s %v: %w", s.Name, s.Subjects, err)
		}
	}
	return nil
}

package adapters

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/inbox"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// IssueStore runs issuance batches (docs/architecture.md, "Invariants"): one transaction claims the batch in the
// inbox, locks each pool once, numbers the pool's new tickets with one guarded UPDATE,
// inserts them in one statement, and writes the outcomes and their outbox events.
type IssueStore struct {
	DB       *gorm.DB
	Consumer string // the inbox consumer name, the durable's
}

// IssueBatch implements app.Issuer.
func (s IssueStore) IssueBatch(ctx context.Context, msgs []app.Message, plan func(domain.IssueSnapshot) domain.IssuePlan) error {
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		fresh, err := claim(ctx, tx, s.Consumer, msgs)
		if err != nil || len(fresh) == 0 {
			return err
		}
		snap, err := loadSnapshot(tx, fresh)
		if err != nil {
			return err
		}
		w := newBatchWriter(tx, snap.Pools, time.Now().UTC())
		return w.apply(ctx, plan(snap))
	})
	if err != nil {
		return fmt.Errorf("issue batch of %d: %w", len(msgs), err)
	}
	return nil
}

// claim records the messages in the inbox and returns the purchases of those not handled
// before, in delivery order. Ids are claimed sorted, so that two transactions claiming
// overlapping redeliveries wait for each other instead of deadlocking.
func claim(ctx context.Context, tx *gorm.DB, consumer string, msgs []app.Message) ([]domain.Purchase, error) {
	ids := make([]string, 0, len(msgs))
	for _, m := range msgs {
		ids = append(ids, m.ID)
	}
	slices.Sort(ids)
	fresh, err := inbox.ClaimBatch(ctx, tx, consumer, slices.Compact(ids))
	if err != nil {
		return nil, err
	}
	out := make([]domain.Purchase, 0, len(fresh))
	for _, m := range msgs {
		if fresh[m.ID] {
			out = append(out, m.Purchase)
			delete(fresh, m.ID)
		}
	}
	return out, nil
}

package adapters

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"tickup.dev/services/ticketing/internal/domain"
)

// IssueStore runs issuance batches (docs/architecture.md, "Invariants") inside the
// consumer's transaction: it locks each pool once, numbers the pool's new tickets with one
// guarded UPDATE, inserts them in one statement, and writes the outcomes and their outbox
// events.
type IssueStore struct {
	DB *gorm.DB
}

// Issue implements app.Issuance.
func (s IssueStore) Issue(ctx context.Context, ps []domain.Purchase, plan func(domain.IssueSnapshot) domain.IssuePlan) error {
	tx := s.DB.WithContext(ctx)
	snap, err := loadSnapshot(tx, ps)
	if err == nil {
		decided := plan(snap)
		err = newBatchWriter(tx, decided.At).apply(ctx, decided)
	}
	if err != nil {
		return fmt.Errorf("issue batch of %d: %w", len(ps), err)
	}
	return nil
}

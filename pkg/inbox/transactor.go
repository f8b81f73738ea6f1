package inbox

import (
	"context"
	"slices"

	"gorm.io/gorm"

	"tickup.dev/pkg/bus"
)

// Transactor is the bus.Transactor of a service on PostgreSQL: one gorm transaction per
// batch, the inbox claims first (in id order, so two transactions claiming overlapping
// redeliveries wait for each other instead of deadlocking), and bind turns the transaction into the service's unit of
// work (its repositories and outbox bound to that transaction), so handlers never see gorm.
func Transactor[U any](gdb *gorm.DB, bind func(tx *gorm.DB) U) bus.Transactor[U] {
	return transactor[U]{db: gdb, bind: bind}
}

type transactor[U any] struct {
	db   *gorm.DB
	bind func(tx *gorm.DB) U
}

func (t transactor[U]) Atomically(ctx context.Context, consumer string, ids []string,
	fn func(ctx context.Context, u U, fresh map[string]bool) error) error {
	return t.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		fresh, err := ClaimBatch(ctx, tx, consumer, slices.Compact(slices.Sorted(slices.Values(ids))))
		if err != nil {
			return err
		}
		return fn(ctx, t.bind(tx), fresh)
	})
}

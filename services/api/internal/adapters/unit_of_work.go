// Package adapters loads and saves the api's purchases and payment cases with gorm, and
// binds them to one transaction as the app's unit of work; the rules are in
// domain/purchase, the use cases in app.
package adapters

import (
	"context"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/outbox"
	"tickup.dev/services/api/internal/app"
)

// Bind returns the unit of work over tx: the repositories and the outbox, all in tx.
func Bind(tx *gorm.DB) app.UnitOfWork {
	return app.UnitOfWork{Purchases: Purchases{tx: tx}, Cases: PaymentCases{tx: tx}, Outbox: Outbox{tx: tx}}
}

// Transactor is app.Transactor over db: one gorm transaction per call.
func Transactor(db *gorm.DB) app.Transactor { return transactor{db: db} }

type transactor struct{ db *gorm.DB }

func (t transactor) Atomically(ctx context.Context, fn func(ctx context.Context, u app.UnitOfWork) error) error {
	return t.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error { return fn(ctx, Bind(tx)) })
}

// Outbox is app.Outbox over one transaction.
type Outbox struct{ tx *gorm.DB }

// Add stores the events in the outbox, published once the transaction commits.
func (o Outbox) Add(ctx context.Context, aggregateID string, evs ...events.Event) error {
	return outbox.Add(ctx, o.tx, aggregateID, evs...)
}

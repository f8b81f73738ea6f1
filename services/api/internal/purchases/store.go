package purchases

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"tickup.dev/pkg/contract/events"
	"tickup.dev/pkg/outbox"
)

// The store's expected failures.
var (
	ErrNotFound = errors.New("purchase not found")
	ErrTxnInUse = errors.New("provider transaction already settles another purchase")
)

// Store reads and writes the purchase table (search_path = the api schema).
type Store struct {
	db      *gorm.DB
	holdTTL time.Duration
}

// DefaultHoldTTL is a wallet-paid purchase's hold deadline, after its creation, unless
// WithHoldTTL sets another.
const DefaultHoldTTL = 10 * time.Minute

// NewStore returns a store over db.
func NewStore(db *gorm.DB) *Store { return &Store{db: db, holdTTL: DefaultHoldTTL} }

// WithHoldTTL sets how long after its creation a wallet-paid purchase may be confirmed.
func (s *Store) WithHoldTTL(ttl time.Duration) *Store {
	s.holdTTL = ttl
	return s
}

// Create stores p PENDING and, in the same transaction, its purchase.created event. A
// wallet-paid purchase gets its hold deadline on the database's clock, the one clock that
// every expiry decision reads. The client's provider_txn_id is stored as a hint only.
func (s *Store) Create(ctx context.Context, p Purchase) (Purchase, error) {
	var out Purchase
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Raw(`INSERT INTO purchase (purchase_id, user_id, pool_id, type, ticket_id, losing_ticket_id,
				amount_cents, currency, payment_method, provider, provider_txn_id, hold_expires_at)
			VALUES (?, ?, ?, ?, NULLIF(?, '')::uuid, NULLIF(?, '')::uuid, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''),
				CASE WHEN ? = 'wallet' THEN now() + ?::bigint * interval '1 microsecond' END)
			RETURNING `+columns,
			p.PurchaseID, p.UserID, p.PoolID, p.Type, p.TicketID, p.LosingTicketID,
			p.AmountCents, p.Currency, p.PaymentMethod, p.Provider, p.ProviderTxnID,
			p.PaymentMethod, s.holdTTL.Microseconds()).Scan(&out)
		if res.Error != nil {
			return res.Error
		}
		out = out.utc()
		return outbox.Add(ctx, tx, out.PurchaseID, events.PurchaseCreated(out.payload()))
	})
	if err != nil {
		return Purchase{}, fmt.Errorf("create purchase %s: %w", p.PurchaseID, err)
	}
	return out, nil
}

// Get returns one purchase, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (Purchase, error) {
	return get(ctx, s.db, id, "")
}

// Filter narrows a list of purchases; empty fields do not filter.
type Filter struct {
	UserID  string
	PoolID  string
	Status  string
	AfterID string // the last purchase_id of the previous page
}

// List returns up to limit purchases of f, oldest first (purchase ids are v7 UUIDs).
func (s *Store) List(ctx context.Context, f Filter, limit int) ([]Purchase, error) {
	q := s.db.WithContext(ctx).Table("purchase").Select(columns).Order("purchase_id").Limit(limit)
	if f.UserID != "" {
		q = q.Where("user_id = ?", f.UserID)
	}
	if f.PoolID != "" {
		q = q.Where("pool_id = ?", f.PoolID)
	}
	if f.Status != "" {
		q = q.Where("status = ?", f.Status)
	}
	if f.AfterID != "" {
		q = q.Where("purchase_id > ?", f.AfterID)
	}
	var out []Purchase
	if err := q.Scan(&out).Error; err != nil {
		return nil, fmt.Errorf("list purchases: %w", err)
	}
	for i := range out {
		out[i] = out[i].utc()
	}
	return out, nil
}

// Lock reads purchase id in tx and locks its row until tx ends, or returns ErrNotFound.
func Lock(ctx context.Context, tx *gorm.DB, id string) (Purchase, error) {
	return get(ctx, tx, id, " FOR UPDATE")
}

// get reads one purchase, with an optional locking clause.
func get(ctx context.Context, db *gorm.DB, id, lock string) (Purchase, error) {
	var p Purchase
	res := db.WithContext(ctx).Raw(`SELECT `+columns+` FROM purchase WHERE purchase_id = ?`+lock, id).Scan(&p)
	if res.Error != nil {
		return Purchase{}, fmt.Errorf("get purchase %s: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return Purchase{}, ErrNotFound
	}
	return p.utc(), nil
}

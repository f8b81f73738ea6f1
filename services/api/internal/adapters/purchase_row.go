package adapters

import (
	"time"

	"tickup.dev/services/api/internal/domain/purchase"
)

// purchaseRow is a row of the purchase table (empty strings for NULL columns).
type purchaseRow struct {
	PurchaseID, UserID, PoolID, Type, TicketID, LosingTicketID, Status string
	AmountCents                                                        int64
	Currency, PaymentMethod, Provider, ProviderTxnID, SettledTxnID     string
	IssuedTicketID, FailureReason                                      string
	RefundedCents                                                      int64
	HoldExpiresAt                                                      *time.Time
	HoldExpired                                                        bool
	CreatedAt, UpdatedAt                                               time.Time
}

// purchaseColumns reads a purchase row into purchaseRow; hold_expired is read on the
// database's clock, the one clock every expiry decision reads.
const purchaseColumns = `purchase_id::text AS purchase_id, user_id::text AS user_id, pool_id::text AS pool_id, type,
	COALESCE(ticket_id::text, '') AS ticket_id, COALESCE(losing_ticket_id::text, '') AS losing_ticket_id,
	status, amount_cents, currency, payment_method, COALESCE(provider, '') AS provider,
	COALESCE(settled_txn_id, provider_txn_id, '') AS provider_txn_id, COALESCE(settled_txn_id, '') AS settled_txn_id,
	COALESCE(issued_ticket_id::text, '') AS issued_ticket_id, COALESCE(failure_reason, '') AS failure_reason,
	refunded_cents, hold_expires_at, COALESCE(hold_expires_at <= statement_timestamp(), false) AS hold_expired,
	created_at, updated_at`

// toPurchase converts a row, times in UTC.
func toPurchase(r purchaseRow) purchase.Purchase {
	p := purchase.Purchase{ID: r.PurchaseID, UserID: r.UserID, PoolID: r.PoolID, Type: r.Type, TicketID: r.TicketID,
		LosingTicketID: r.LosingTicketID, Status: r.Status, AmountCents: r.AmountCents, Currency: r.Currency,
		Method: r.PaymentMethod, Provider: r.Provider, ProviderTxnID: r.ProviderTxnID, SettledTxnID: r.SettledTxnID,
		IssuedTicketID: r.IssuedTicketID, FailureReason: r.FailureReason, RefundedCents: r.RefundedCents,
		HoldExpired: r.HoldExpired, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
	if r.HoldExpiresAt != nil {
		at := r.HoldExpiresAt.UTC()
		p.HoldExpiresAt = &at
	}
	return p
}

package adapters

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// TicketRepository reads tickets and purchase outcomes.
type TicketRepository struct {
	DB *gorm.DB
}

// Get implements app.Tickets.
func (r TicketRepository) Get(ctx context.Context, id uuid.UUID) (domain.Ticket, error) {
	var row ticketRow
	err := r.DB.WithContext(ctx).Where("ticket_id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return domain.Ticket{}, domain.ErrTicketNotFound(id)
	}
	if err != nil {
		return domain.Ticket{}, fmt.Errorf("read ticket %s: %w", id, err)
	}
	return row.domain(), nil
}

// List implements app.Tickets: oldest first (ticket ids are UUIDv7).
func (r TicketRepository) List(ctx context.Context, f app.TicketFilter, page app.Page) ([]domain.Ticket, error) {
	q := r.DB.WithContext(ctx).Order("ticket_id").Limit(page.Limit)
	if f.UserID != uuid.Nil {
		q = q.Where("user_id = ?", f.UserID)
	}
	if f.PoolID != uuid.Nil {
		q = q.Where("pool_id = ?", f.PoolID)
	}
	if page.After != "" {
		q = q.Where("ticket_id > ?", page.After)
	}
	return findTickets(q)
}

// OfPool implements app.Tickets.
func (r TicketRepository) OfPool(ctx context.Context, poolID uuid.UUID, after, limit int) ([]domain.Ticket, error) {
	// A voided ticket keeps its number but takes no part in the draw.
	q := r.DB.WithContext(ctx).Where("pool_id = ? AND ticket_num > ? AND voided_at IS NULL", poolID, after).
		Order("ticket_num").Limit(limit)
	return findTickets(q)
}

// ByPurchase implements app.Tickets.
func (r TicketRepository) ByPurchase(ctx context.Context, purchaseID uuid.UUID) (domain.PurchaseOutcome, bool, error) {
	var rows []outcomeRow
	if err := r.DB.WithContext(ctx).Where("purchase_id = ?", purchaseID).Limit(1).Find(&rows).Error; err != nil {
		return domain.PurchaseOutcome{}, false, fmt.Errorf("read outcome of purchase %s: %w", purchaseID, err)
	}
	if len(rows) == 0 {
		return domain.PurchaseOutcome{}, false, nil
	}
	out := domain.PurchaseOutcome{PurchaseID: purchaseID, Outcome: rows[0].Outcome, Reason: rows[0].Reason}
	if rows[0].TicketID != nil {
		t, err := r.Get(ctx, *rows[0].TicketID)
		if err != nil {
			return domain.PurchaseOutcome{}, false, err
		}
		out.Ticket = &t
	}
	return out, true, nil
}

func findTickets(q *gorm.DB) ([]domain.Ticket, error) {
	var rows []ticketRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list tickets: %w", err)
	}
	out := make([]domain.Ticket, len(rows))
	for i, row := range rows {
		out[i] = row.domain()
	}
	return out, nil
}

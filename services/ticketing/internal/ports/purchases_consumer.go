package ports

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"tickup.dev/pkg/bus"
	"tickup.dev/pkg/contract/events"
	"tickup.dev/services/ticketing/internal/app"
	"tickup.dev/services/ticketing/internal/domain"
)

// Purchases consumes api.purchase.confirmed and issues each fetched batch whole.
type Purchases struct {
	Issue app.IssueTickets
}

// Handle implements bus.BatchHandler. An undecodable message poisons the batch: the bus
// then retries the messages one by one and dead-letters that one alone.
func (c Purchases) Handle(ctx context.Context, batch []bus.Delivery) error {
	msgs := make([]app.Message, 0, len(batch))
	for _, d := range batch {
		pu, err := decodePurchase(d.Data)
		if err != nil {
			return bus.Poison(fmt.Errorf("purchase.confirmed %s: %w", d.ID, err))
		}
		msgs = append(msgs, app.Message{ID: d.ID, Purchase: pu})
	}
	return c.Issue.Handle(ctx, msgs)
}

func decodePurchase(data []byte) (domain.Purchase, error) {
	e, err := events.Decode[events.PurchaseConfirmed](data)
	if err != nil {
		return domain.Purchase{}, err
	}
	f := domain.Fields{}
	pu := domain.Purchase{
		PurchaseID: requiredID(f, "purchase_id", e.PurchaseID), UserID: requiredID(f, "user_id", e.UserID),
		PoolID: requiredID(f, "pool_id", e.PoolID), Type: e.Type,
		TicketID: optionalID(f, "ticket_id", e.TicketID), LosingTicketID: optionalID(f, "losing_ticket_id", e.LosingTicketID),
		AmountCents: e.AmountCents, Currency: e.Currency, PaymentMethod: e.PaymentMethod,
	}
	if err := f.Err(); err != nil {
		return domain.Purchase{}, fmt.Errorf("%w %v", err, f)
	}
	return pu, nil
}

// uuids parses the ids of an event, all or nothing.
func uuids(values []string) ([]uuid.UUID, error) {
	out := make([]uuid.UUID, 0, len(values))
	for _, v := range values {
		id, err := uuid.Parse(v)
		if err != nil {
			return nil, fmt.Errorf("id %q: %w", v, err)
		}
		out = append(out, id)
	}
	return out, nil
}

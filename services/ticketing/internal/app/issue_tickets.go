package app

import (
	"context"
	"time"

	"tickup.dev/services/ticketing/internal/domain"
)

// IssueTickets decides and issues a batch of confirmed purchases at once: the purchases
// of every pool in one guarded numbering statement and one insert per table.
type IssueTickets struct {
	Now func() time.Time
}

// Handle issues ps, in delivery order, in the unit of work tx.
func (h IssueTickets) Handle(ctx context.Context, tx Tx, ps []domain.Purchase) error {
	now := h.Now().UTC()
	return tx.Issuance.Issue(ctx, ps, func(s domain.IssueSnapshot) domain.IssuePlan {
		return domain.PlanIssuance(s, now)
	})
}

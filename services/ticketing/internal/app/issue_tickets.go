package app

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"tickup.dev/services/ticketing/internal/domain"
)

// IssueTickets decides and issues a batch of confirmed purchases in one transaction.
type IssueTickets struct {
	Issuer       Issuer
	Now          func() time.Time
	Transactions prometheus.Counter // committed issuance transactions
}

// Handle issues the batch; an error rolls all of it back.
func (h IssueTickets) Handle(ctx context.Context, msgs []Message) error {
	now := h.Now().UTC()
	err := h.Issuer.IssueBatch(ctx, msgs, func(s domain.IssueSnapshot) domain.IssuePlan {
		return domain.PlanIssuance(s, now)
	})
	if err != nil {
		return err
	}
	h.Transactions.Inc()
	return nil
}

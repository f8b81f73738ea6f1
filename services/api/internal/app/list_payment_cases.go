package app

import "context"

// ListPaymentCases lists card refund and dispute cases (GET /payment-cases), oldest first.
type ListPaymentCases struct{ reads CaseReads }

// CaseFilter narrows the list; empty fields do not filter.
type CaseFilter struct {
	Resolution string
	PurchaseID string
	AfterID    string // the last case_id of the previous page
}

// Handle returns up to limit cases of f.
func (q ListPaymentCases) Handle(ctx context.Context, f CaseFilter, limit int) ([]Case, error) {
	return q.reads.List(ctx, f, limit)
}

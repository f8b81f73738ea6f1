package domain_test

import (
	"errors"
	"testing"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

func TestTopupCompletesOncePerTransaction(t *testing.T) {
	t.Parallel()
	now := time.Now()
	tests := []struct {
		name    string
		status  string
		txn     string // on record
		event   string
		amount  int64
		fresh   bool
		wantErr error
	}{
		{"created", domain.TopupCreated, "", "pi_1", 500, true, nil},
		{"processing with its txn", domain.TopupProcessing, "pi_1", "pi_1", 0, true, nil},
		{"repeat", domain.TopupCompleted, "pi_1", "pi_1", 500, false, nil},
		{"another txn after completion", domain.TopupCompleted, "pi_1", "pi_2", 500, false, domain.ErrState},
		{"another txn while processing", domain.TopupProcessing, "pi_1", "pi_2", 500, false, domain.ErrTxnMismatch},
		{"cancelled", domain.TopupCancelled, "", "pi_1", 500, false, domain.ErrState},
		{"wrong amount", domain.TopupCreated, "", "pi_1", 499, false, domain.ErrState},
		{"no txn", domain.TopupCreated, "", "", 500, false, domain.ErrTxnMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			top := domain.Topup{TopupID: "t", AmountCents: 500, Status: tt.status, ProviderTxnID: tt.txn}
			fresh, err := top.Complete(tt.event, tt.amount, now)
			if fresh != tt.fresh || !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("Complete = %v, %v; want %v, %v", fresh, err, tt.fresh, tt.wantErr)
			}
		})
	}
}

func TestTopupCancelOnlyBeforeProcessing(t *testing.T) {
	t.Parallel()
	created := domain.Topup{Status: domain.TopupCreated}
	if err := created.Cancel(time.Now()); err != nil || created.Status != domain.TopupCancelled {
		t.Fatalf("cancel created: %v", err)
	}
	processing := domain.Topup{Status: domain.TopupProcessing}
	if err := processing.Cancel(time.Now()); !errors.Is(err, domain.ErrState) {
		t.Fatalf("cancel processing: %v", err)
	}
}

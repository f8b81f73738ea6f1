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
		fresh   bool
		wantErr error
	}{
		{"created", domain.TopupCreated, "", "pi_1", true, nil},
		{"processing with its txn", domain.TopupProcessing, "pi_1", "pi_1", true, nil},
		{"repeat", domain.TopupCompleted, "pi_1", "pi_1", false, nil},
		{"another txn after completion", domain.TopupCompleted, "pi_1", "pi_2", false, domain.ErrUnmatched},
		{"another txn while processing", domain.TopupProcessing, "pi_1", "pi_2", false, domain.ErrTxnMismatch},
		{"cancelled: the money arrived all the same", domain.TopupCancelled, "", "pi_1", true, nil},
		{"failed, then collected", domain.TopupFailed, "", "pi_1", true, nil},
		{"no txn", domain.TopupCreated, "", "", false, domain.ErrUnmatched},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			top := domain.Topup{TopupID: "t", AmountCents: 500, Status: tt.status, ProviderTxnID: tt.txn}
			fresh, err := top.Complete(tt.event, now)
			if fresh != tt.fresh || !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("Complete = %v, %v; want %v, %v", fresh, err, tt.fresh, tt.wantErr)
			}
		})
	}
}

func TestTopupMatchesTheProvidersReport(t *testing.T) {
	t.Parallel()
	top := domain.Topup{TopupID: "t", AmountCents: 500, Currency: "EUR", Provider: "stripe"}
	good := domain.Report{Provider: "stripe", TxnID: "pi", AmountCents: 500, Currency: "EUR"}
	if err := top.Matches(good); err != nil {
		t.Fatalf("a matching report: %v", err)
	}
	for name, change := range map[string]func(*domain.Report){
		"provider":    func(r *domain.Report) { r.Provider = "generic" },
		"amount":      func(r *domain.Report) { r.AmountCents = 499 },
		"no amount":   func(r *domain.Report) { r.AmountCents = 0 },
		"currency":    func(r *domain.Report) { r.Currency = "USD" },
		"no currency": func(r *domain.Report) { r.Currency = "" },
	} {
		r := good
		change(&r)
		if err := top.Matches(r); !errors.Is(err, domain.ErrUnmatched) {
			t.Errorf("another %s: %v, want ErrUnmatched", name, err)
		}
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

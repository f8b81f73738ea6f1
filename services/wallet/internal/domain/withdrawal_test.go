package domain_test

import (
	"errors"
	"testing"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

func TestWithdrawalStateMachine(t *testing.T) {
	t.Parallel()
	now := time.Now()
	w := domain.Withdrawal{WithdrawalID: "w", Status: domain.WithdrawalRequested}
	if _, err := w.Complete("po", now); !errors.Is(err, domain.ErrState) {
		t.Fatalf("a REQUESTED withdrawal completed: %v", err)
	}
	w.Approve("admin", 9, now)
	if err := w.Cancel(now); !errors.Is(err, domain.ErrState) {
		t.Fatalf("a PROCESSING withdrawal was cancelled: %v", err)
	}
	if fresh, err := w.Complete("po", now); !fresh || err != nil {
		t.Fatalf("complete: %v, %v", fresh, err)
	}
	if fresh, err := w.Complete("po", now); fresh || err != nil {
		t.Fatalf("second completion: %v, %v; want a no-op", fresh, err)
	}
	if _, err := w.Fail("po", "late", now); !errors.Is(err, domain.ErrState) {
		t.Fatalf("a COMPLETED withdrawal failed: %v", err)
	}
	r := domain.Withdrawal{Status: domain.WithdrawalRequested}
	if err := r.Reject("admin", "KYC", now); err != nil || r.Status != domain.WithdrawalRejected {
		t.Fatalf("reject: %v", err)
	}
}

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

func TestWithdrawalNeedsASecondApprover(t *testing.T) {
	t.Parallel()
	w := domain.Withdrawal{WithdrawalID: "w", UserID: "owner", RequestedBy: "alice", Status: domain.WithdrawalRequested}
	for actor, want := range map[string]error{"alice": domain.ErrSecondApprover, "owner": domain.ErrSecondApprover, "bob": nil} {
		if err := w.ApprovableBy(actor); !errors.Is(err, want) || (want == nil && err != nil) {
			t.Errorf("ApprovableBy(%s) = %v, want %v", actor, err, want)
		}
	}
	w.Approve("bob", 1, time.Now())
	if w.ApprovedBy != "bob" || w.DecidedBy != "bob" || w.Status != domain.WithdrawalProcessing {
		t.Fatalf("approved %+v", w)
	}
}

package domain_test

import (
	"errors"
	"testing"
	"time"

	"tickup.dev/services/wallet/internal/domain"
)

func TestEntryTransitions(t *testing.T) {
	t.Parallel()
	now := time.Now()
	acct := domain.Account{WalletID: "w", Currency: "EUR"}
	tests := []struct {
		name      string
		pending   bool
		direction string
		act       func(e *domain.Entry) (int64, error)
		delta     int64
		wantErr   error
	}{
		{"post a pending debit", true, domain.Debit, func(e *domain.Entry) (int64, error) { return e.Post(now) }, -300, nil},
		{"post a posted entry", false, domain.Credit, func(e *domain.Entry) (int64, error) { return e.Post(now) }, 0, domain.ErrState},
		{"reverse a posted credit", false, domain.Credit, func(e *domain.Entry) (int64, error) { return e.Reverse("why", "a", now) }, -300, nil},
		{"reverse a posted debit", false, domain.Debit, func(e *domain.Entry) (int64, error) { return e.Reverse("why", "a", now) }, 300, nil},
		{"reverse a pending entry", true, domain.Debit, func(e *domain.Entry) (int64, error) { return e.Reverse("why", "a", now) }, 0, nil},
		{"reverse twice", false, domain.Credit, func(e *domain.Entry) (int64, error) {
			if _, err := e.Reverse("why", "a", now); err != nil {
				return 0, err
			}
			return e.Reverse("again", "a", now)
		}, 0, domain.ErrState},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := domain.NewEntry(acct, tt.direction, domain.ReasonAdjustment, 300, tt.pending, now)
			delta, err := tt.act(&e)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) || delta != tt.delta {
				t.Fatalf("delta %d, err %v; want %d, %v", delta, err, tt.delta, tt.wantErr)
			}
		})
	}
}

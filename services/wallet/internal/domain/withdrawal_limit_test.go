package domain_test

import (
	"errors"
	"math"
	"testing"

	"tickup.dev/services/wallet/internal/domain"
)

// TestDailyWithdrawalLimitDoesNotOverflow: an amount near the int64 maximum must not wrap
// the 24-hour sum around to a negative number that passes the daily limit.
func TestDailyWithdrawalLimitDoesNotOverflow(t *testing.T) {
	t.Parallel()
	limits := domain.WithdrawalLimits{MinCents: 1000, DailyCents: 100_000}
	tests := []struct {
		name         string
		amount, used int64
		ok           bool
	}{
		{"within the limit", 50_000, 50_000, true},
		{"one cent over", 50_001, 50_000, false},
		{"huge amount, some used", math.MaxInt64, 1, false},
		{"huge amount, huge used", math.MaxInt64 - 5, math.MaxInt64 - 5, false},
		{"used already over the limit", 1000, 200_000, false},
		{"under the minimum", 999, 0, false},
	}
	for _, tc := range tests {
		err := limits.Check(tc.amount, tc.used)
		if tc.ok != (err == nil) || (err != nil && !errors.Is(err, domain.ErrLimit)) {
			t.Errorf("%s: Check(%d, %d) = %v, want ok=%v", tc.name, tc.amount, tc.used, err, tc.ok)
		}
	}
}

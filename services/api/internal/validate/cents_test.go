package validate

import (
	"math"
	"testing"
)

func TestPositiveCentsIsBounded(t *testing.T) {
	t.Parallel()
	for cents, ok := range map[int64]bool{1: true, MaxCents: true, 0: false, -1: false, MaxCents + 1: false,
		math.MaxInt64: false, math.MinInt64: false} {
		var c Checker
		if got := c.PositiveCents("amount_cents", cents); got != ok || (c.Err() == nil) != ok {
			t.Errorf("PositiveCents(%d) = %v (err %v), want %v", cents, got, c.Err(), ok)
		}
	}
}
